-- video: a signal may come from one connection of its sender and be meant for one connection of the other party (a
-- Socket.IO client addresses the peer's socket, not the person, who may have a second tab open); both are null for
-- signals sent without a socket (hcp's REST endpoint) and for every signal stored before
ALTER TABLE rtc_signals ADD COLUMN sender_connection VARCHAR(64);
ALTER TABLE rtc_signals ADD COLUMN recipient_connection VARCHAR(64);
