//! The class over SSH, with OpenSSH's `ssh` for the teacher and every
//! student: following the teacher's tour and slides, leaving and rejoining
//! with `f`, the live quiz with its tally and results, and the teacher's
//! speaker notes in a second session.

use std::path::PathBuf;
use std::time::Duration;

use crate::serve::{Server, keypair, scratch};
use crate::term::Pty;

/// A server with a teacher's key, and the key's path.
fn class(extra: &[&str]) -> (Server, PathBuf) {
    let dir = scratch();
    let key = keypair(&dir, "teacher");
    let keys = dir.join("authorized_keys");
    std::fs::copy(key.with_extension("pub"), &keys).unwrap();
    let mut args = vec!["--teacher-keys", keys.to_str().unwrap(), "--seed", "7"];
    args.extend(extra);
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    (Server::start(&args), key)
}

fn teacher(server: &Server, key: &std::path::Path, columns: u16, rows: u16) -> Pty {
    let id = format!("IdentityFile={}", key.display());
    let pty = server.ssh(
        "prof",
        &["-o", "IdentitiesOnly=yes", "-o", &id],
        columns,
        rows,
    );
    pty.wait_screen("Timeline");
    pty
}

/// Start the story tour from the teacher's screen.
fn start_story(teacher: &mut Pty) {
    teacher.send("t");
    teacher.wait_screen("story");
    teacher.send("\r");
    teacher.wait_screen("step 1 of 19");
}

#[test]
fn students_follow_the_teachers_tour_and_slides_and_rejoin_with_f() {
    let (server, key) = class(&[]);
    let mut prof = teacher(&server, &key, 100, 30);
    let mut ada = server.student("ada");
    let ben = server.student("ben");
    prof.until("the teacher sees the class", |p| {
        p.screen().contains("class: 2 students, 2 following")
    });
    start_story(&mut prof);
    for s in [&ada, &ben] {
        s.wait_screen("step 1 of 19");
        assert!(
            s.screen().contains("following the teacher"),
            "{}",
            s.screen()
        );
    }
    prof.send("\x1b[C");
    prof.wait_screen("step 2 of 19");
    ada.wait_screen("step 2 of 19");
    // Presentation on the projector: the students get the slide too.
    prof.send("P");
    ada.until("the slide", |p| {
        !p.screen().contains("Timeline") && p.screen().contains("step 2 of 19")
    });
    prof.send("P");
    ada.wait_screen("Timeline");
    // Ada moves on her own: she is told, and the class goes on without her.
    ada.send("j");
    ada.wait_screen("on your own · f rejoins");
    prof.until("one follows", |p| {
        p.screen().contains("2 students, 1 following")
    });
    prof.send("\x1b[C\x1b[C");
    prof.wait_screen("step 4 of 19");
    ben.wait_screen("step 4 of 19");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!ada.screen().contains("step 4 of 19"), "{}", ada.screen());
    // f: back at the teacher's step.
    ada.send("f");
    ada.wait_screen("step 4 of 19");
    ada.wait_screen("following the teacher");
}

#[test]
fn a_student_cannot_drive_the_class() {
    let (server, key) = class(&[]);
    let mut prof = teacher(&server, &key, 100, 30);
    start_story(&mut prof);
    let mut eve = server.student("eve");
    eve.wait_screen("step 1 of 19");
    // Eve pages through the tour, opens another one, starts a quiz.
    eve.send("\x1b[C\x1b[C\x1b[C");
    eve.wait_screen("step 4 of 19");
    eve.send("\x1b");
    std::thread::sleep(Duration::from_millis(200));
    eve.send("z");
    eve.wait_screen("Quiz");
    eve.send("1\r");
    std::thread::sleep(Duration::from_millis(500));
    let screen = prof.screen();
    assert!(screen.contains("step 1 of 19"), "{screen}");
    assert!(!screen.contains("Class quiz"), "{screen}");
    assert!(server.log().matches("+ ").count() == 2);
}

#[test]
fn the_live_quiz_tallies_answers_reveals_and_writes_results() {
    let dir = scratch();
    let results = dir.join("results.md");
    let (server, key) = class(&["--results", results.to_str().unwrap()]);
    let mut prof = teacher(&server, &key, 100, 30);
    let mut students: Vec<Pty> = ["ann", "bo", "cy"]
        .iter()
        .map(|n| server.student(n))
        .collect();
    prof.send("z");
    prof.wait_screen("Class quiz · question 1 of");
    prof.wait_screen("Answers: 0 of 3 students");
    for s in &students {
        s.wait_screen("Live quiz · question 1 of");
    }
    // Two answer individual, one individual and domestic.
    students[0].send("1\r");
    students[1].send("1\r");
    students[2].send("12\r");
    for s in &students {
        s.wait_screen("waiting for the teacher");
    }
    prof.wait_screen("Answers: 3 of 3 students");
    let screen = prof.screen();
    assert!(
        screen.contains("individual ") && screen.contains("2"),
        "{screen}"
    );
    assert!(screen.contains("individual, domestic"), "{screen}");
    // Names never show beside answers.
    assert!(
        !screen.contains("ann") && !screen.contains("cy "),
        "{screen}"
    );
    // The reveal: everyone sees the answer and the linked factors.
    prof.send("\r");
    prof.wait_screen("the paper links it to:");
    for s in &mut students {
        let screen = s.wait_screen("the paper links it to:");
        assert!(
            screen.contains("Right")
                || screen.contains("Partly right")
                || screen.contains("Not this time"),
            "{screen}"
        );
    }
    server.wait_log("quiz results (1 question) written to");
    let md = std::fs::read_to_string(&results).unwrap();
    assert!(md.contains("| individual"), "{md}");
    assert!(md.contains("3 of 3 answered"), "{md}");
    let ones: usize = md
        .lines()
        .filter(|l| l.starts_with("| individual") && !l.starts_with("| individual,"))
        .map(|l| {
            l.rsplit('|')
                .nth(1)
                .unwrap()
                .trim()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(ones, 2, "{md}");
    // The next question clears the answers.
    prof.send("\r");
    prof.wait_screen("Class quiz · question 2 of");
    students[0].wait_screen("Live quiz · question 2 of");
    prof.wait_screen("Answers: 0 of 3 students");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_teachers_second_session_shows_the_speaker_notes_in_sync() {
    let (server, key) = class(&[]);
    let mut projector = teacher(&server, &key, 100, 30);
    let mut laptop = teacher(&server, &key, 100, 30);
    laptop.send("S");
    laptop.wait_screen("Speaker notes");
    start_story(&mut projector);
    projector.send("P");
    laptop.wait_screen("step 1 of 19");
    laptop.wait_screen("Next:");
    laptop.wait_screen("Now on the slide");
    // Driven from the laptop, the projector follows.
    laptop.send("\x1b[C");
    laptop.wait_screen("step 2 of 19");
    projector.until("the slide of step 2", |p| {
        !p.screen().contains("Timeline") && p.screen().contains("step 2 of 19")
    });
    // A student who joins now gets the slide; the notes are not theirs.
    let mut sam = server.ssh("sam", &[], 80, 24);
    sam.wait_screen("step 2 of 19");
    sam.send("S");
    sam.wait_screen("the speaker notes are the teacher's");
}

#[test]
fn a_hundred_students_answering_in_the_same_second_are_all_counted() {
    use waltz::front::serve::student::Student;
    let (server, key) = class(&["--max-sessions", "150"]);
    let mut prof = teacher(&server, &key, 100, 30);
    let addr = format!("127.0.0.1:{}", server.port);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let wait = Duration::from_secs(60);
    let students: Vec<Student> = runtime.block_on(async {
        let joins: Vec<_> = (0..100)
            .map(|i| {
                let addr = addr.clone();
                tokio::spawn(async move {
                    let mut s = Student::connect(&addr, &format!("s{i}"), None, 80, 24)
                        .await
                        .unwrap();
                    assert!(
                        s.wait_for("Timeline", wait).await,
                        "student {i} got no explorer"
                    );
                    s
                })
            })
            .collect();
        let mut students = Vec::new();
        for j in joins {
            students.push(j.await.unwrap());
        }
        students
    });
    prof.until("a hundred students", |p| {
        p.screen().contains("class: 100 students")
    });
    prof.send("z");
    prof.wait_screen("Answers: 0 of 100 students");
    // Every student gets the question, then all answer at once; some leave
    // and others join while the answers come in.
    let students = runtime.block_on(async {
        let joins: Vec<_> = students
            .into_iter()
            .enumerate()
            .map(|(i, mut s)| {
                tokio::spawn(async move {
                    assert!(
                        s.wait_for("Live quiz", wait).await,
                        "student {i} got no question"
                    );
                    s.send(b"2\r").await.unwrap();
                    assert!(
                        s.wait_for("waiting for the teacher", wait).await,
                        "student {i}"
                    );
                    s
                })
            })
            .collect();
        let late = tokio::spawn({
            let addr = addr.clone();
            async move {
                let mut late = Student::connect(&addr, "late", None, 80, 24).await.unwrap();
                assert!(late.wait_for("Live quiz", wait).await);
                late
            }
        });
        let mut students = Vec::new();
        for j in joins {
            students.push(j.await.unwrap());
        }
        students.push(late.await.unwrap());
        students
    });
    prof.wait_screen("Answers: 100 of 101 students");
    let screen = prof.screen();
    assert!(
        screen.contains("domestic") && screen.contains(" 100"),
        "{screen}"
    );
    drop(students);
    prof.until("the class empties", |p| {
        p.screen().contains("Answers: 100 of 0 students")
    });
}

#[test]
fn a_stalled_student_never_slows_the_class_and_catches_up_with_the_newest_screen() {
    use nix::sys::signal::Signal;
    let (server, key) = class(&[]);
    let mut prof = teacher(&server, &key, 100, 30);
    // A huge terminal: every frame to it is large, so its window fills.
    let stalled = server.ssh("slow", &[], 400, 200);
    stalled.wait_screen("Timeline");
    let ada = server.student("ada");
    start_story(&mut prof);
    stalled.wait_screen("step 1 of 19");
    stalled.signal(Signal::SIGSTOP);
    // The teacher walks back and forth through the tour; Ada keeps up.
    for round in 0..3 {
        for step in 2..=19 {
            prof.send("\x1b[C");
            let at = format!("step {step} of 19");
            prof.wait_screen(&at);
            ada.wait_screen(&at);
        }
        if round < 2 {
            prof.send("\x1b[H");
            prof.wait_screen("step 1 of 19");
        }
    }
    stalled.signal(Signal::SIGCONT);
    stalled.wait_screen("step 19 of 19");
}
