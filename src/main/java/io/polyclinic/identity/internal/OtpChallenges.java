package io.polyclinic.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.polyclinic.identity.OtpPurpose;

public interface OtpChallenges extends JpaRepository<OtpChallenge, Long> {

	Optional<OtpChallenge> findFirstByDestinationAndPurposeOrderByCreatedAtDescIdDesc(String destination, OtpPurpose purpose);

	/** When the newest codes for a destination were made since an instant, newest first (on its own index). */
	@Query("select c.createdAt from OtpChallenge c where c.destination = :destination and c.createdAt >= :since"
			+ " order by c.createdAt desc")
	List<Instant> sentSince(@Param("destination") String destination, @Param("since") Instant since, Limit limit);
}
