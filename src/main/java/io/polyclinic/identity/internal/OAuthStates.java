package io.polyclinic.identity.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OAuthStates extends JpaRepository<OAuthState, Long> {

	Optional<OAuthState> findByStateHash(String stateHash);

	/** Takes a state: 1 for the one caller that deleted it, 0 for any other (a replay, or a concurrent callback). */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from OAuthState s where s.id = :id")
	int take(@Param("id") Long id);

	@Modifying
	@Query("delete from OAuthState s where s.expiresAt <= :now")
	int sweep(@Param("now") Instant now);
}
