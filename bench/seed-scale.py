#!/usr/bin/env python3
"""Seeds a site's SQLite database at scale: 10,000 trainees in 1,700 teams (each with a leader), 100
cohorts of 100 (trainer1@demo.local runs them all), and some lessons done by everyone.
usage: seed-scale.py <academy.db>   (run against a database the site has created and seeded in demo mode)"""
import sqlite3, sys, uuid, datetime

db = sqlite3.connect(sys.argv[1])
now = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
today = datetime.date.today()
g = lambda: str(uuid.uuid4()).upper()
roles = dict(db.execute("select Name, Id from core_roles"))
password = db.execute("select PasswordHash from core_users where Email='admin@demo.local'").fetchone()[0]
trainer = db.execute("select Id from core_users where Email='trainer1@demo.local'").fetchone()[0]
lessons = [k for (k,) in db.execute("select Key from curriculum_lessons where Kind='Lesson' and ModuleId like 'm%' order by ModuleId, \"Order\"")]

def user(email, name, team):
    uid = g()
    db.execute("""insert into core_users (Id, DisplayName, Language, TeamId, CreatedUtc, UserName, NormalizedUserName, Email, NormalizedEmail,
        EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
        values (?,?,?,?,?,?,?,?,?,1,?,?,?,0,0,1,0)""", (uid, name, "en", team, now, email, email.upper(), email, email.upper(), password, g(), g()))
    return uid

cohorts = []
for c in range(100):
    cid = g()
    start = today - datetime.timedelta(days=7 * (c % 12))
    db.execute("""insert into cohorts_cohorts (Id, Name, Language, Track, StartDate, CadenceWeeks, CadenceDay, ReleaseTime, TimeZone, Capacity, Status, CreatedUtc)
        values (?,?,?,?,?,?,?,?,?,?,?,?)""", (cid, f"Scale cohort {c+1:03}", "en", "Trainee", start.isoformat(), 2, 2, "08:00:00", "Europe/Copenhagen", 120, "Open", now))
    db.execute("insert into cohorts_trainers (CohortId, UserId) values (?,?)", (cid, trainer))
    cohorts.append(cid)

trainee = 0
for t in range(1700):
    tid = g()
    leader = user(f"leader{t+1}@bench.local", f"Bench Leader {t+1}", None)
    db.execute("insert into core_user_roles (UserId, RoleId) values (?,?)", (leader, roles["Leader"]))
    db.execute("insert into core_teams (Id, Name, LeaderId, CreatedUtc) values (?,?,?,?)", (tid, f"Bench team {t+1:04}", leader, now))
    for _ in range(6 if t < 1500 else 5):
        if trainee >= 10000:
            break
        uid = user(f"trainee{trainee+1}@bench.local", f"Bench Trainee {trainee+1:05}", tid)
        db.execute("insert into core_user_roles (UserId, RoleId) values (?,?)", (uid, roles["Trainee"]))
        db.execute("insert into cohorts_members (CohortId, UserId, Status, EnrolledUtc, ChangedUtc) values (?,?,?,?,?)", (cohorts[trainee % 100], uid, "Enrolled", now, now))
        for key in lessons[: trainee % 12]:
            db.execute("insert into curriculum_completions (UserId, LessonKey, CompletedUtc) values (?,?,?)", (uid, key, now))
        trainee += 1
db.commit()
print(f"seeded {trainee} trainees, 1700 teams with leaders, {len(cohorts)} cohorts; first cohort {cohorts[0]}")
