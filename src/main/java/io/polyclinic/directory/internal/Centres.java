package io.polyclinic.directory.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Centres extends JpaRepository<CentreProfile, Long> {

	@Query("""
			select c from CentreProfile c where c.deletedAt is null
			  and (:cityKey is null or c.cityKey = :cityKey)
			  and (:activeOnly = false or c.active = true)
			order by c.id""")
	Page<CentreProfile> search(@Param("cityKey") String cityKey, @Param("activeOnly") boolean activeOnly, Pageable page);

	List<CentreProfile> findByIdIn(Collection<Long> ids);
}
