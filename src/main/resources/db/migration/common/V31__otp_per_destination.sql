-- identity: codes sent to one destination are counted per window, whatever their purpose (SMS pumping)
CREATE INDEX ix_otp_challenges_destination_created ON otp_challenges (destination, created_at);
