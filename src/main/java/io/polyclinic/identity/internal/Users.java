package io.polyclinic.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.polyclinic.platform.Role;

public interface Users extends JpaRepository<User, Long> {

	Optional<User> findByPhone(String phone);

	Optional<User> findByEmail(String email);

	Optional<User> findByUsername(String username);

	boolean existsByPhone(String phone);

	boolean existsByEmail(String email);

	boolean existsByUsername(String username);

	List<User> findByIdIn(Collection<Long> ids);

	boolean existsByRole(Role role);

	Optional<User> findByPublicId(UUID publicId);

	List<User> findByPublicIdIn(Collection<UUID> publicIds);

	/**
	 * People by role, standing and a part of their name, email or username, in the page's order; {@code text} is a
	 * lower-case pattern.
	 */
	@Query(value = """
			select u from User u
			where u.role in :roles and u.deletedAt is null
			  and (:active is null or u.active = :active)
			  and (:text is null or lower(u.fullName) like :text or lower(u.email) like :text
			       or lower(u.username) like :text)
			""", countQuery = """
			select count(u) from User u
			where u.role in :roles and u.deletedAt is null
			  and (:active is null or u.active = :active)
			  and (:text is null or lower(u.fullName) like :text or lower(u.email) like :text
			       or lower(u.username) like :text)
			""")
	Page<User> people(@Param("roles") Collection<Role> roles, @Param("active") Boolean active,
			@Param("text") String text, Pageable page);

	@Query("""
			select u from User u
			where u.role in :roles
			  and (:includeDeleted = true or u.deletedAt is null)
			  and (:name is null or lower(u.fullName) like :name)
			  and (:phoneDigits is null or u.phone like :phoneDigits)
			  and (:limitIds = false or u.id in :ids)
			order by u.id
			""")
	Page<User> search(@Param("roles") Collection<Role> roles, @Param("name") String name,
			@Param("phoneDigits") String phoneDigits, @Param("includeDeleted") boolean includeDeleted,
			@Param("limitIds") boolean limitIds, @Param("ids") Collection<Long> ids, Pageable page);
}
