package io.polyclinic.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
