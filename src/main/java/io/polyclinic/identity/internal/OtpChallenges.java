package io.polyclinic.identity.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import io.polyclinic.identity.OtpPurpose;

public interface OtpChallenges extends JpaRepository<OtpChallenge, Long> {

	Optional<OtpChallenge> findFirstByDestinationAndPurposeOrderByCreatedAtDescIdDesc(String destination, OtpPurpose purpose);
}
