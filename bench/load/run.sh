#!/usr/bin/env bash
# Load benchmark of Polyclinic on PostgreSQL, on one machine: builds the jar if needed, creates a fresh database,
# starts the application on it, seeds a clinic through the Mibo API, runs wrk on each scenario and prints req/s,
# p50, p99, non-2xx and CPU milliseconds per request (the JVM plus its PostgreSQL backends). See bench/README.md.
#
#   bench/load/run.sh                     # everything, about 10 minutes
#   SCENARIOS="slots mix" bench/load/run.sh
#
# Every setting is an environment variable; the defaults are listed below. The database BENCH_DB is DROPPED and
# created again at each run: never point it at a database you want to keep.
set -euo pipefail

LOAD="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$LOAD/../.." && pwd)"

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
BENCH_DB="${BENCH_DB:-polyclinic_bench}"
BENCH_PORT="${BENCH_PORT:-18080}"
JAR="${JAR:-$ROOT/target/polyclinic.jar}"
JAVA_OPTS="${JAVA_OPTS:-}"
SCENARIOS="${SCENARIOS:-bare slots day patient booking mix}"
CONNECTIONS="${CONNECTIONS:-32}"
WRK_THREADS="${WRK_THREADS:-2}"
DURATION="${DURATION:-15}"       # seconds measured per scenario
WARMUP="${WARMUP:-5}"            # seconds of the same load just before, not measured
BARE_PATH="${BARE_PATH:-/actuator/health/liveness}"
CENTRES="${CENTRES:-5}"
CLINICIANS="${CLINICIANS:-50}"
PATIENTS="${PATIENTS:-2000}"
APPOINTMENTS="${APPOINTMENTS:-4000}"        # spread over the clinicians, patients and seeded weeks
SEED_DAYS="${SEED_DAYS:-24}"                # working days (Monday to Saturday) holding the seeded appointments
HEAVY_APPOINTMENTS="${HEAVY_APPOINTMENTS:-50}"
BOOKING_PATIENTS="${BOOKING_PATIENTS:-32}"  # patients whose tokens the booking requests take in turn
BOOK_DAYS="${BOOK_DAYS:-600}"               # working days offered to booking runs, after the seeded weeks
HOURS_FROM="${HOURS_FROM:-09:00}" HOURS_TO="${HOURS_TO:-17:00}" SLOT_MINUTES="${SLOT_MINUTES:-30}"
SEED_PARALLEL="${SEED_PARALLEL:-4}"
QUIET_WAIT="${QUIET_WAIT:-0}"               # wait up to this many seconds for the rest of the machine to idle
STATEMENTS="${STATEMENTS:-auto}"            # count SQL statements per request from the server log: auto, yes, no
PG_LOG="${PG_LOG:-$(ls /var/log/postgresql/postgresql-*-main.log 2>/dev/null | tail -1)}"
OUT="${OUT:-$LOAD/out/$(date +%Y%m%d-%H%M%S)}"

BASE="http://127.0.0.1:$BENCH_PORT"
API="$BASE/mibo/api"
DATA="$OUT/data"
CLK_TCK="$(getconf CLK_TCK)"
APP_PID=""

say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# --- what the machine needs --------------------------------------------------------------------------------------
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is missing: apt-get install $2"; }
need wrk wrk
need curl curl
need jq jq
need psql postgresql-client
need java openjdk-17-jdk-headless
need getconf libc-bin
curl --help all 2>/dev/null | grep -q -- '--parallel' || die "curl 7.66 or newer is needed (--parallel)"

mkdir -p "$DATA"
say "results in $OUT"

# --- the jar ---------------------------------------------------------------------------------------------------
if [[ ! -f "$JAR" || -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit 2>/dev/null)" ]]; then
	say "building $JAR"
	(cd "$ROOT" && ./mvnw -q -o package -DskipTests) || die "the build failed"
fi

# --- a fresh database and the application on it -----------------------------------------------------------------
pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null || die "no PostgreSQL on $PGHOST:$PGPORT (set PGHOST/PGPORT/PGUSER/PGPASSWORD)"
psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)" \
	-c "CREATE DATABASE \"$BENCH_DB\"" >/dev/null || die "cannot create database $BENCH_DB"

if curl -s -o /dev/null --max-time 2 "$BASE/"; then
	die "port $BENCH_PORT is taken: set BENCH_PORT"
fi

stop_app() {
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		say "stopping the application (pid $APP_PID)"
		kill "$APP_PID" 2>/dev/null || true
		for _ in $(seq 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
		kill -9 "$APP_PID" 2>/dev/null || true
	fi
}
trap stop_app EXIT
trap 'exit 130' INT TERM

say "starting Polyclinic on $BASE (database $BENCH_DB on $PGHOST:$PGPORT)"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
	SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
	POLYCLINIC_RATE_LIMIT_ENABLED=false POLYCLINIC_DEMO=true SERVER_PORT="$BENCH_PORT" \
	POLYCLINIC_DATA_DIR="$OUT/app-data" \
	java $JAVA_OPTS -jar "$JAR" >"$OUT/app.log" 2>&1 &
APP_PID=$!
# ready, not only live: the demo administrator is created by a runner after the context has started
for i in $(seq 600); do
	kill -0 "$APP_PID" 2>/dev/null || die "the application stopped while starting: see $OUT/app.log"
	[[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health/readiness" 2>/dev/null)" == 200 ]] && break
	[[ $i == 600 ]] && die "the application was not ready after 5 minutes: see $OUT/app.log"
	sleep 0.5
done
say "started (pid $APP_PID)"

# --- talking to the API --------------------------------------------------------------------------------------------
# JSON request/response helpers; every value the seeder writes is plain ASCII without quotes.
post() {
	curl -s --fail-with-body -X POST "$API$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} \
		-d "$2" || { say "POST $1 failed"; return 1; }
}
get() { curl -s --fail-with-body "$API$1" ${2:+-H "Authorization: Bearer $2"} || die "GET $1 failed"; }

admin_sign_in() {
	post /auth/login/username-password '{"username":"admin","password":"Admin123!"}' | jq -er .data.accessToken \
		|| die "the administrator cannot sign in (is demo mode on?)"
}

# A patient signs in as the Mibo app does: a code sent over WhatsApp, read back from the dev outbox.
patient_sign_in() { # phone -> "access refresh"
	local phone="$1" code
	post /patient-auth/send-otp "{\"phone\":\"$phone\"}" >/dev/null || die "send-otp failed for $phone"
	code="$(curl -s "$BASE/dev/outbox?to=${phone/+/%2B}" | jq -r '.[0].body' | grep -oE '[0-9]{6}' | head -1)"
	[[ -n "$code" ]] || die "no code in the dev outbox for $phone"
	post /patient-auth/verify-otp "{\"phone\":\"$phone\",\"otp\":\"$code\"}" \
		| jq -er '.data | "\(.accessToken) \(.refreshToken)"' || die "verify-otp failed for $phone"
}

patient_refresh() { # refresh token -> "access refresh"
	post /patient-auth/refresh-token "{\"refreshToken\":\"$1\"}" | jq -er '.data | "\(.accessToken) \(.refreshToken)"'
}

# Sends the requests of a curl config file (url/data/header blocks separated by "next"), SEED_PARALLEL at a time, and
# fails unless every answer has the expected status.
send_all() { # config expected-status what [parallel]
	local codes="$OUT/seed-$3.status"
	sed -i '${/^next$/d}' "$1" # curl refuses a config that ends with an empty request
	curl -s --no-progress-meter -Z --parallel-max "${4:-$SEED_PARALLEL}" -K "$1" >"$codes" 2>>"$OUT/seed-curl.err" || true
	local total ok
	total="$(grep -c . "$codes" || true)"
	ok="$(grep -c "^$2 " "$codes" || true)"
	[[ "$ok" == "$total" ]] || die "seeding $3: $ok of $total answered $2; see $codes and $OUT/app.log"
	say "  $3: $total"
}

# One request block of a curl config.
config_request() { # method path token body
	printf 'url = "%s%s"\nrequest = "%s"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\n' \
		"$API" "$2" "$1" "$3"
	printf 'data = "%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code} %%{url}\\n"\nnext\n' "${4//\"/\\\"}"
}

# --- seeding -------------------------------------------------------------------------------------------------------
FIRST=(Aarav Aditi Akash Ananya Arjun Diya Farah Gaurav Isha Kabir Kavya Meera Nikhil Noor Pooja Rahul Riya Rohan
	Sana Siddharth Sneha Tara Varun Zoya Aisha Dev Imran Lakshmi Manoj Nisha Omar Priya Ravi Sunita Tanvi Uma Vikram
	Yash Zara Neel)
LAST=(Sharma Iyer Khan Reddy Nair Gupta Das Menon Kapoor Joshi Rao Pillai Singh Bose Chatterjee Mehta Patel Verma
	Shetty Kulkarni Desai Mishra Banerjee Fernandes Qureshi Thomas Ghosh Agarwal Naidu Saxena Pandey Hegde Malhotra
	Sethi Chopra Ahmed Bhat Jain Dutta Varghese Sen Mathur Dubey Goswami Prasad Rajan Tiwari Kohli Ali Krishnan)
name_of() { echo "${FIRST[$(($1 % ${#FIRST[@]}))]} ${LAST[$(($1 / ${#FIRST[@]} % ${#LAST[@]}))]}"; }
patient_phone() { printf '+9198100%05d' "$1"; }
clinician_phone() { printf '+9198200%05d' "$1"; }
HEAVY_PHONE="+919830000001"

seed() {
	local token i cfg
	say "seeding: $CENTRES centres, $CLINICIANS clinicians, $PATIENTS patients, $APPOINTMENTS appointments"
	token="$(admin_sign_in)"

	cfg="$OUT/seed-centres.cfg"; : >"$cfg"
	local cities=(Bangalore Mumbai Delhi Chennai Hyderabad Pune Kolkata Kochi)
	for ((i = 0; i < CENTRES; i++)); do
		local city="${cities[$((i % ${#cities[@]}))]}"
		config_request POST /centres "$token" "$(printf '{"name":"Bench %s %d","city":"%s","address":"%d Bench Road, %s","phone":"+91801234%04d","email":"centre%d@bench.example.com"}' \
			"$city" "$i" "$city" "$((i + 1))" "$city" "$i" "$i")" >>"$cfg"
	done
	send_all "$cfg" 201 centres
	get "/centres?limit=100" "$token" | jq -r '.data[] | select(.name | startswith("Bench ")) | .id' >"$DATA/centres.txt"

	local centres specs=('"Clinical Psychologist"' '"Psychiatrist"' '"Child Psychologist"' '"Therapist","Counsellor"'
		'"Clinical Psychologist","Therapist"')
	mapfile -t centres <"$DATA/centres.txt"
	token="$(admin_sign_in)" # a fresh one for each step: on a busy machine seeding can outlast an access token
	cfg="$OUT/seed-clinicians.cfg"; : >"$cfg"
	for ((i = 0; i < CLINICIANS; i++)); do
		config_request POST /clinicians "$token" "$(printf '{"fullName":"Dr. %s","phone":"%s","email":"clinician%d@bench.example.com","password":"Bench1234!","primaryCentreId":%s,"specialization":[%s],"qualification":["M.Phil Clinical Psychology"],"yearsOfExperience":%d,"consultationFee":%d,"languages":["English","Hindi"],"defaultConsultationDurationMinutes":%d}' \
			"$(name_of $((i * 7 + 3)))" "$(clinician_phone "$i")" "$i" "${centres[$((i % ${#centres[@]}))]}" \
			"${specs[$((i % ${#specs[@]}))]}" $((3 + i % 20)) $((1000 + (i % 5) * 250)) "$SLOT_MINUTES")" >>"$cfg"
	done
	send_all "$cfg" 201 clinicians
	# ids in the order of their phone numbers, so that clinician index i is the same person in every file
	for ((i = 1; ; i++)); do
		local page
		page="$(get "/clinicians?limit=100&page=$i")"
		[[ "$(jq '.data | length' <<<"$page")" == 0 ]] && break
		jq -r '.data[] | "\(.id) \(.fullName)"' <<<"$page"
	done >"$OUT/clinicians.all"
	# the public list has no phone: match the seeded names in seeding order
	: >"$DATA/clinicians.txt"
	for ((i = 0; i < CLINICIANS; i++)); do
		awk -v n="Dr. $(name_of $((i * 7 + 3)))" '{ id = $1; $1 = ""; sub(/^ /, "") } $0 == n { print id; exit }' \
			"$OUT/clinicians.all" >>"$DATA/clinicians.txt"
	done
	[[ "$(grep -c . "$DATA/clinicians.txt")" == "$CLINICIANS" ]] || die "could not find the seeded clinicians"

	# weekday hours, Monday to Saturday
	local rules=""
	for d in MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY; do
		rules+="${rules:+,}{\"dayOfWeek\":\"$d\",\"startTime\":\"$HOURS_FROM:00\",\"endTime\":\"$HOURS_TO:00\",\"isAvailable\":true}"
	done
	token="$(admin_sign_in)" # a fresh one for each step: on a busy machine seeding can outlast an access token
	cfg="$OUT/seed-hours.cfg"; : >"$cfg"
	while read -r id; do
		config_request PUT "/clinicians/$id/availability" "$token" "{\"availabilityRules\":[$rules]}" >>"$cfg"
	done <"$DATA/clinicians.txt"
	send_all "$cfg" 200 hours

	# the grid of a day and the working days: seeded weeks first, then the days the booking runs take
	local t from=$((10#${HOURS_FROM%:*} * 60 + 10#${HOURS_FROM#*:})) to=$((10#${HOURS_TO%:*} * 60 + 10#${HOURS_TO#*:}))
	for ((t = from; t + SLOT_MINUTES <= to; t += SLOT_MINUTES)); do
		printf '%02d:%02d:00\n' $((t / 60)) $((t % 60))
	done >"$DATA/slot-times.txt"
	# from the day after tomorrow, so that no seeded slot is in the past on any clock
	seq 2 $(((SEED_DAYS + BOOK_DAYS) * 7 / 6 + 14)) | sed 's/.*/today + & days/' | date -f - '+%F %u' \
		| awk '$2 != 7 { print $1 }' >"$OUT/workdays.txt"
	head -n "$SEED_DAYS" "$OUT/workdays.txt" >"$DATA/seed-days.txt"
	tail -n +"$((SEED_DAYS + 1))" "$OUT/workdays.txt" | head -n "$BOOK_DAYS" >"$DATA/book-days.txt"

	token="$(admin_sign_in)" # a fresh one for each step: on a busy machine seeding can outlast an access token
	cfg="$OUT/seed-patients.cfg"; : >"$cfg"
	for ((i = 0; i < PATIENTS; i++)); do
		config_request POST /patients "$token" "$(printf '{"fullName":"%s","phone":"%s","gender":"%s","leadSource":"%s"}' \
			"$(name_of "$i")" "$(patient_phone "$i")" "$([[ $((i % 2)) == 0 ]] && echo FEMALE || echo MALE)" \
			"$(case $((i % 3)) in 0) echo WEBSITE ;; 1) echo WHATSAPP ;; *) echo WALK_IN ;; esac)")" >>"$cfg"
	done
	config_request POST /patients "$token" "{\"fullName\":\"Heavy Booker\",\"phone\":\"$HEAVY_PHONE\"}" >>"$cfg"
	send_all "$cfg" 201 patients
	for ((i = 1; ; i++)); do
		local page
		page="$(get "/patients?limit=100&page=$i" "$token")"
		[[ "$(jq '.data | length' <<<"$page")" == 0 ]] && break
		jq -r '.data[] | "\(.phone) \(.id)"' <<<"$page"
	done | sort >"$OUT/patients.all"
	: >"$DATA/patients.txt"
	for ((i = 0; i < PATIENTS; i++)); do echo "$(patient_phone "$i")"; done \
		| awk 'NR == FNR { id[$1] = $2; next } { print id[$1] }' "$OUT/patients.all" - >"$DATA/patients.txt"
	[[ "$(grep -c . "$DATA/patients.txt")" == "$PATIENTS" ]] || die "could not find the seeded patients"
	local heavy
	heavy="$(awk -v p="$HEAVY_PHONE" '$1 == p { print $2 }' "$OUT/patients.all")"
	[[ -n "$heavy" ]] || die "could not find the heavy patient"

	# The appointments, each in its own cell (clinician, working day, slot) of the seeded weeks:
	#  - a full day: every slot of clinician 0 on the first working day, each with another patient;
	#  - the heavy patient: HEAVY_APPOINTMENTS with clinicians in turn, on the following days;
	#  - the rest: APPOINTMENTS cells in a scattered order (a stride prime to the number of cells), patients in turn.
	local slots
	slots="$(grep -c . "$DATA/slot-times.txt")"
	awk -v C="$CLINICIANS" -v S="$slots" -v D="$SEED_DAYS" -v N="$APPOINTMENTS" -v H="$HEAVY_APPOINTMENTS" \
		-v P="$PATIENTS" '
		function gcd(a, b) { while (b) { t = b; b = a % b; a = t } return a }
		function take(c, d, s, patient,   cell) {
			cell = (d * C + c) * S + s
			while (cell in used) cell = (cell + 1) % total
			used[cell] = 1
			print int(cell / S) % C, int(cell / (S * C)), cell % S, patient
		}
		BEGIN {
			total = C * S * D
			for (s = 0; s < S; s++) take(0, 0, s, s % P)
			for (j = 0; j < H; j++) take(j % C, 1 + j % (D - 1), (j * 5) % S, "heavy")
			stride = 7919; while (gcd(stride, total) != 1) stride++
			n = 0
			for (j = 0; j < total && n < N; j++) {
				cell = (j * stride) % total
				if (cell in used) continue
				used[cell] = 1
				print int(cell / S) % C, int(cell / (S * C)), cell % S, (S + n) % P
				n++
			}
		}' >"$OUT/appointments.cells"
	token="$(admin_sign_in)" # a fresh one for each step: on a busy machine seeding can outlast an access token
	# The heavy patient's bookings go one at a time: today two concurrent first bookings of one patient in one centre
	# can collide on the patient's centre enrolment (directory.CareTeam inserts where no row exists yet, a race), and
	# the second answers 409. A front desk booking 50 visits for one patient does not send them all at once either.
	cfg="$OUT/seed-appointments.cfg"
	awk -v heavy="$heavy" -v api="$API" -v token="$token" -v maincfg="$cfg" -v heavycfg="$cfg.heavy" '
		FILENAME == ARGV[1] { clinician[FNR - 1] = $1; next }
		FILENAME == ARGV[2] { day[FNR - 1] = $1; next }
		FILENAME == ARGV[3] { time[FNR - 1] = $1; next }
		FILENAME == ARGV[4] { patient[FNR - 1] = $1; next }
		{
			p = $4 == "heavy" ? heavy : patient[$4]
			out = $4 == "heavy" ? heavycfg : maincfg
			printf "url = \"%s/appointments\"\nrequest = \"POST\"\nheader = \"Authorization: Bearer %s\"\n", api, token > out
			printf "header = \"Content-Type: application/json\"\n" > out
			printf "data = \"{\\\"patientId\\\":%s,\\\"clinicianId\\\":%s,\\\"appointmentDate\\\":\\\"%s\\\",", p, clinician[$1], day[$2] > out
			printf "\\\"appointmentTime\\\":\\\"%s\\\",\\\"sessionType\\\":\\\"%s\\\"}\"\n", time[$3], NR % 3 ? "ONLINE" : "IN_PERSON" > out
			printf "output = \"/dev/null\"\nwrite-out = \"%%{http_code} %%{url}\\n\"\nnext\n" > out
		}' "$DATA/clinicians.txt" "$DATA/seed-days.txt" "$DATA/slot-times.txt" "$DATA/patients.txt" \
		"$OUT/appointments.cells"
	send_all "$cfg" 201 appointments
	send_all "$cfg.heavy" 201 "heavy-patient-appointments" 1

	head -n 1 "$DATA/clinicians.txt" >"$DATA/day-clinician.txt"
	head -n 1 "$DATA/seed-days.txt" >"$DATA/day-date.txt"

	say "signing in $BOOKING_PATIENTS booking patients and the heavy patient"
	: >"$OUT/booking-patients.refresh"
	for ((i = 0; i < BOOKING_PATIENTS; i++)); do
		patient_sign_in "$(patient_phone "$i")" | cut -d' ' -f2 >>"$OUT/booking-patients.refresh"
	done
	patient_sign_in "$HEAVY_PHONE" | cut -d' ' -f2 >"$OUT/heavy-patient.refresh"
}

# Access tokens live 15 minutes: every scenario starts with fresh ones (refresh tokens rotate).
fresh_tokens() {
	admin_sign_in >"$DATA/admin.token"
	local pair
	: >"$DATA/booking-patients.tokens"; : >"$OUT/refresh.next"
	while read -r refresh; do
		pair="$(patient_refresh "$refresh")" || die "a patient token could not be refreshed"
		echo "${pair% *}" >>"$DATA/booking-patients.tokens"; echo "${pair#* }" >>"$OUT/refresh.next"
	done <"$OUT/booking-patients.refresh"
	mv "$OUT/refresh.next" "$OUT/booking-patients.refresh"
	pair="$(patient_refresh "$(cat "$OUT/heavy-patient.refresh")")" || die "the heavy patient's token could not be refreshed"
	echo "${pair% *}" >"$DATA/heavy-patient.token"; echo "${pair#* }" >"$OUT/heavy-patient.refresh"
}

# --- CPU accounting --------------------------------------------------------------------------------------------------
# utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat, counted after the command name).
ticks_of() { [[ -r "/proc/$1/stat" ]] && sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }' || echo 0; }

# The PostgreSQL processes that serve this run: the backends connected to BENCH_DB (the connection pool, autovacuum
# workers there) and the server's own background processes (WAL writer, checkpointer...), which have no database.
pg_pids() {
	# asked from another database, so that these look-ups never show in BENCH_DB's statement log
	psql -Atq -d postgres -c "SELECT pid FROM pg_stat_activity WHERE (datname = '$BENCH_DB' OR datname IS NULL) AND pid <> pg_backend_pid()"
}

PG_LOCAL=yes
snapshot() { # file: "jvm TICKS", "pg PID TICKS"..., "machine BUSY-TICKS", "elapsed TICKS-SINCE-BOOT"
	{
		echo "jvm $(ticks_of "$APP_PID")"
		for pid in $(pg_pids); do
			[[ -r "/proc/$pid/stat" ]] || { PG_LOCAL=no; continue; }
			echo "pg $pid $(ticks_of "$pid")"
		done
		awk '$1 == "cpu" { print "machine", $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
		awk -v hz="$CLK_TCK" '{ printf "elapsed %d\n", $1 * hz }' /proc/uptime
	} >"$1"
}

# CPU between two snapshots, in ticks: "jvm pg machine elapsed". A backend that appeared in between counts whole.
cpu_between() {
	awk 'NR == FNR { if ($1 == "pg") before[$2] = $3; else b[$1] = $2; next }
		$1 == "pg" { pg += $3 - ($2 in before ? before[$2] : 0); next }
		{ a[$1] = $2 }
		END { print a["jvm"] - b["jvm"], pg, a["machine"] - b["machine"], a["elapsed"] - b["elapsed"] }' "$1" "$2"
}

# Waits until the application and the database are quiet again (under 5 % of a core for a second, 20 s at most),
# so that the asynchronous work a run caused (event listeners) is counted in that run and not in the next one.
settle() {
	local a b
	for _ in $(seq 20); do
		a=$(($(ticks_of "$APP_PID") + $(for p in $(pg_pids); do ticks_of "$p"; done | awk '{ s += $1 } END { print s + 0 }')))
		sleep 1
		b=$(($(ticks_of "$APP_PID") + $(for p in $(pg_pids); do ticks_of "$p"; done | awk '{ s += $1 } END { print s + 0 }')))
		((b - a < CLK_TCK / 20)) && return 0
	done
	say "  (still busy after 20 s of waiting)"
}

# --- checks and statement counts ------------------------------------------------------------------------------------
# One request of a scenario, as its Lua script sends it (a booking takes slot ATTEMPT of clinician ATTEMPT on the
# first untouched booking day). Prints the HTTP status.
one_request() { # scenario attempt
	local to=(-s -o "$OUT/one.json" -w '%{http_code}')
	case "$1" in
	bare) curl "${to[@]}" "$BASE$BARE_PATH" ;;
	slots) curl "${to[@]}" "$API/booking/available-slots?clinicianId=$(sed -n 2p "$DATA/clinicians.txt")&date=$(sed -n 3p "$DATA/seed-days.txt")" ;;
	day) curl "${to[@]}" -H "Authorization: Bearer $(cat "$DATA/admin.token")" \
		"$API/appointments?clinicianId=$(cat "$DATA/day-clinician.txt")&date=$(cat "$DATA/day-date.txt")" ;;
	patient) curl "${to[@]}" -H "Authorization: Bearer $(cat "$DATA/heavy-patient.token")" "$API/booking/my-appointments?limit=50" ;;
	booking) curl "${to[@]}" -X POST -H "Authorization: Bearer $(head -1 "$DATA/booking-patients.tokens")" \
		-H 'Content-Type: application/json' "$API/booking/create" \
		-d "{\"clinicianId\":$(sed -n "$2p" "$DATA/clinicians.txt"),\"appointmentDate\":\"$(sed -n "$((BOOK_OFFSET + 1))p" "$DATA/book-days.txt")\",\"appointmentTime\":\"$(sed -n "$2p" "$DATA/slot-times.txt")\",\"sessionType\":\"ONLINE\"}" ;;
	*) echo 000 ;;
	esac
}

# The seeded clinic is what the scenarios claim: a full day of 16 (a slot grid's worth) and a patient with 50.
check_seed() {
	fresh_tokens
	local slots
	slots="$(grep -c . "$DATA/slot-times.txt")"
	[[ "$(one_request day 1)" == 200 && "$(jq '.data | length' "$OUT/one.json")" == "$slots" ]] \
		|| die "the clinician's day does not list $slots appointments: $(head -c 300 "$OUT/one.json")"
	[[ "$(one_request patient 1)" == 200 && "$(jq '.data | length' "$OUT/one.json")" == "$HEAVY_APPOINTMENTS" ]] \
		|| die "the heavy patient does not list $HEAVY_APPOINTMENTS appointments: $(head -c 300 "$OUT/one.json")"
	[[ "$(one_request slots 1)" == 200 && "$(jq '.data.availableSlots | length' "$OUT/one.json")" == "$slots" ]] \
		|| die "slot search does not answer $slots slots: $(head -c 300 "$OUT/one.json")"
}

# New pool connections pick up a database setting: end the current ones (Hikari replaces a connection that fails its
# validation on the next borrow) and let the pool refill.
reconnect_pool() {
	psql -Atq -d postgres -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '$BENCH_DB' AND backend_type = 'client backend'" >/dev/null
	sleep 2
	for s in bare slots day patient; do one_request "$s" 1 >/dev/null; done
}

# SQL statements per request, read from PostgreSQL's own log with log_statement = all switched on for this database
# only, while nothing else talks to it: what one request of each scenario executes, asynchronous listeners included
# (a booking's notifications), transaction control (BEGIN, COMMIT, SET...) counted apart. The smallest of three
# requests, so that a scheduled job firing meanwhile does not count.
STATEMENT_TABLE="$OUT/statements.tsv"
count_statements() {
	if [[ ! -r "$PG_LOG" ]] || ! psql -Atq -d postgres -c 'SHOW log_line_prefix' | grep -q '%d'; then
		[[ "$STATEMENTS" == yes ]] && die "cannot count statements: PG_LOG ($PG_LOG) must be readable and log_line_prefix show the database (%d)"
		say "statement counts skipped: PostgreSQL's log ($PG_LOG) is not readable here or its lines do not name the database"
		return 0
	fi
	say "counting SQL statements per request (log_statement = all on $BENCH_DB for a moment)"
	psql -q -d postgres -c "ALTER DATABASE \"$BENCH_DB\" SET log_statement = 'all'"
	fresh_tokens
	reconnect_pool
	printf 'scenario\tstatements\ttransaction control\tstatus\n' >"$STATEMENT_TABLE"
	local s attempt size status counts best
	for s in bare slots day patient booking; do
		best=""
		for attempt in 1 2 3; do
			size="$(stat -c %s "$PG_LOG")"
			status="$(one_request "$s" "$attempt")"
			sleep 0.5
			settle
			counts="$(tail -c +"$((size + 1))" "$PG_LOG" | awk -v db="@$BENCH_DB " -v sqlfile="$OUT/$s.sql.$attempt" '
				index($0, db) && match($0, /LOG:  (execute [^:]*|statement): /) {
					sql = substr($0, RSTART + RLENGTH)
					if (toupper(sql) ~ /^(BEGIN|COMMIT|ROLLBACK|SET |SAVEPOINT|RELEASE|SHOW |SELECT 1$)/ || sql ~ /^ *$/) control++
					else n++
					print sql > sqlfile
				}
				END { print n + 0, control + 0 }')"
			if [[ -z "$best" || "${counts% *}" -lt "${best% *}" ]]; then
				best="$counts"
				cp "$OUT/$s.sql.$attempt" "$OUT/$s.sql" 2>/dev/null || : >"$OUT/$s.sql"
			fi
			rm -f "$OUT/$s.sql.$attempt"
		done
		printf '%s\t%s\t%s\t%s\n' "$s" "${best% *}" "${best#* }" "$status" >>"$STATEMENT_TABLE"
		say "  $s: ${best% *} statements (+${best#* } transaction control), HTTP $status"
	done
	BOOK_OFFSET=$((BOOK_OFFSET + 1))
	psql -q -d postgres -c "ALTER DATABASE \"$BENCH_DB\" RESET log_statement"
	reconnect_pool
}

# --- the runs -------------------------------------------------------------------------------------------------------
BOOK_OFFSET=0
RESULTS="$OUT/results.tsv"
printf 'scenario\treq/s\tp50 ms\tp99 ms\tnon-2xx\tCPU ms/req\tJVM ms/req\tPG ms/req\twrk CPU %%\tother CPU %%\tstatuses\n' >"$RESULTS"

# Runs wrk (its own CPU time, user and system seconds, goes to OUTPUT.time) and moves BOOK_OFFSET past the booking
# days that the run took.
wrk_run() { # scenario seconds output-file
	local status=0
	{
		TIMEFORMAT='%U %S'
		time BENCH_DATA="$DATA" BENCH_LOAD="$LOAD" WRK_THREADS="$WRK_THREADS" BOOK_OFFSET="$BOOK_OFFSET" \
			BARE_PATH="$BARE_PATH" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${2}s" --timeout 10s --latency \
			-s "$LOAD/$1.lua" "$BASE" >"$3" 2>&1 || status=$?
	} 2>"$3.time"
	((status == 0)) || { cat "$3" >&2; die "wrk failed on $1"; }
	local last
	last="$(grep -o 'last_day=[-0-9]*' "$3" | cut -d= -f2)"
	[[ -n "$last" ]] || { cat "$3" >&2; die "wrk printed no result for $1"; }
	((last >= 0)) && BOOK_OFFSET=$((last + 1))
	return 0
}

field() { grep -o "$2=[^ ]*" "$1" | head -1 | cut -d= -f2; }

# On a shared machine: waits (QUIET_WAIT seconds at most) until processes other than this application and its
# database use under 10 % of the machine for 3 seconds in a row.
wait_quiet() {
	((QUIET_WAIT > 0)) || return 0
	local quiet=0 jvm pg machine elapsed deadline=$((SECONDS + QUIET_WAIT))
	while ((SECONDS < deadline)); do
		snapshot "$OUT/quiet.a"; sleep 1; snapshot "$OUT/quiet.b"
		read -r jvm pg machine elapsed < <(cpu_between "$OUT/quiet.a" "$OUT/quiet.b")
		if (((machine - jvm - pg) * 10 < elapsed * $(getconf _NPROCESSORS_ONLN))); then
			((++quiet >= 3)) && return 0
		else
			quiet=0
		fi
	done
	say "  (the machine is still busy after $QUIET_WAIT s of waiting: see the other CPU column)"
}

run_scenario() {
	local s="$1" before="$OUT/$1.before" after="$OUT/$1.after" result="$OUT/$1.wrk"
	say "scenario $s: $WARMUP s warm-up, $DURATION s measured, $CONNECTIONS connections"
	fresh_tokens
	wait_quiet
	wrk_run "$s" "$WARMUP" "$OUT/$s.warmup.wrk"
	settle
	snapshot "$before"
	wrk_run "$s" "$DURATION" "$result"
	settle
	snapshot "$after"
	local jvm pg machine elapsed
	read -r jvm pg machine elapsed < <(cpu_between "$before" "$after")
	local requests rps p50 p99 non2xx codes socket
	requests="$(field "$result" requests)"; rps="$(field "$result" rps)"
	p50="$(field "$result" p50_ms)"; p99="$(field "$result" p99_ms)"
	non2xx="$(field "$result" non2xx)"; codes="$(field "$result" codes)"; socket="$(field "$result" socket_errors)"
	local wrk_ticks
	wrk_ticks="$(awk -v hz="$CLK_TCK" 'END { printf "%d", ($1 + $2) * hz }' "$result.time")"
	awk -v s="$s" -v n="$requests" -v rps="$rps" -v p50="$p50" -v p99="$p99" -v non2xx="$non2xx" -v codes="$codes" \
		-v socket="$socket" -v jvm="$jvm" -v pg="$pg" -v machine="$machine" -v wrk="$wrk_ticks" -v hz="$CLK_TCK" \
		-v pglocal="$PG_LOCAL" -v ncpu="$(getconf _NPROCESSORS_ONLN)" -v elapsed="$elapsed" '
		BEGIN {
			ms = 1000 / hz
			other = machine - jvm - pg - wrk; if (other < 0) other = 0
			printf "%s\t%.0f\t%.1f\t%.1f\t%d%s\t%s\t%.2f\t%s\t%.0f\t%.0f\t%s\n", s, rps, p50, p99, non2xx,
				(socket > 0 ? " (+" socket " socket errors)" : ""),
				(pglocal == "yes" ? sprintf("%.2f", (jvm + pg) * ms / n) : "n/a"), jvm * ms / n,
				(pglocal == "yes" ? sprintf("%.2f", pg * ms / n) : "n/a"),
				(elapsed > 0 ? 100 * wrk / (elapsed * ncpu) : 0), (elapsed > 0 ? 100 * other / (elapsed * ncpu) : 0), codes
		}' >>"$RESULTS"
	tail -1 "$RESULTS" | awk -F'\t' '{ printf "    %s req/s, p50 %s ms, p99 %s ms, non-2xx %s, CPU %s ms/request (JVM %s + PostgreSQL %s), statuses %s\n", $2, $3, $4, $5, $6, $7, $8, $11 }' >&2
}

SEED_START=$SECONDS
seed
check_seed
say "seeded in $((SECONDS - SEED_START)) s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
[[ "$STATEMENTS" == no ]] || count_statements
for s in $SCENARIOS; do
	[[ -f "$LOAD/$s.lua" ]] || die "no scenario $s (bench/load/$s.lua)"
	run_scenario "$s"
done

# --- the table ------------------------------------------------------------------------------------------------------
table() { if command -v column >/dev/null; then column -t -s$'\t' "$1"; else cat "$1"; fi; }
{
	echo
	echo "Polyclinic load benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')," \
		"$(java -version 2>&1 | head -1), PostgreSQL $(psql -Atq -d postgres -c 'SHOW server_version' | cut -d' ' -f1)," \
		"$(getconf _NPROCESSORS_ONLN) cores, wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s"
	echo "bare = GET $BARE_PATH; mix = 60 % slots, 10 % day, 10 % patient, 20 % booking"
	echo
	table "$RESULTS"
	if [[ -f "$STATEMENT_TABLE" ]]; then
		echo
		echo "SQL statements of one request (from PostgreSQL's log, asynchronous listeners included)"
		echo
		table "$STATEMENT_TABLE"
	fi
} | tee "$OUT/results.txt"
