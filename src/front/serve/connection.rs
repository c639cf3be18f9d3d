//! One SSH connection: who it is (a student, or the teacher by key), and
//! the one thing it may do — open an explorer with a shell on a terminal.
//! Commands, subsystems (SFTP), port forwarding, agent and X11 forwarding
//! are refused, and the client is told.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use russh::server::{Auth, Msg, Session};
use russh::{Channel, ChannelId, MethodKind, MethodSet};
use tokio::net::TcpStream;
use tokio::sync::{mpsc, oneshot, watch};

use super::gate::Gate;
use super::session::{self, Ending, Terminal};
use super::{LOGIN_GRACE, MAX_COLUMNS, MAX_ROWS, Shared, log};
use crate::case::sanitize;
use crate::explorer::view::text::fit;

/// Who a connection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Anyone who got in without a teacher's key.
    Student,
    /// The holder of a teacher's key.
    Teacher,
}

impl Role {
    /// The role's name, for the log.
    pub fn name(self) -> &'static str {
        match self {
            Role::Student => "student",
            Role::Teacher => "teacher",
        }
    }
}

/// The widest name shown for a student.
pub const NAME_COLUMNS: usize = 32;

/// Chunks of input a session may have waiting; past this the connection
/// stops reading until the session catches up.
const INPUT_QUEUE: usize = 32;

/// Serve one accepted socket: a place at the gate and the handshake within
/// [`LOGIN_GRACE`] (unless a newcomer pushes it out), then the connection
/// for as long as it lasts.
pub async fn serve(
    socket: TcpStream,
    peer: SocketAddr,
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
    gate: Arc<Gate>,
) {
    let deadline = tokio::time::Instant::now() + LOGIN_GRACE;
    let Some(mut handshake) = gate.enter(deadline).await else {
        return;
    };
    // A second handle on the socket, to cut the line whatever state the
    // SSH session is in (a disconnect message waits for key exchange).
    let Some((socket, line)) = cuttable(socket) else {
        return;
    };
    let cut = || {
        let _ = line.shutdown(std::net::Shutdown::Both);
    };
    let (authed, on_auth) = oneshot::channel();
    let mut stopping = shared.stopping();
    let handler = Connection::new(shared, peer, authed);
    let greeting =
        tokio::time::timeout_at(deadline, russh::server::run_stream(config, socket, handler));
    let running = tokio::select! {
        Ok(Ok(running)) = greeting => running,
        _ = &mut handshake.pushed_out => return,
        else => return,
    };
    tokio::pin!(running);
    tokio::select! {
        Ok(()) = on_auth => {}
        _ = &mut running => return,
        _ = &mut handshake.pushed_out => return cut(),
        _ = tokio::time::sleep_until(deadline) => return cut(),
    }
    drop(handshake);
    tokio::select! {
        _ = &mut running => {}
        _ = super::stopped(&mut stopping) => {
            // Sessions say goodbye on their own; then the line is cut.
            tokio::select! {
                _ = &mut running => {}
                _ = tokio::time::sleep(super::GOODBYE) => cut(),
            }
        }
    }
}

/// The socket, and a second handle on it that can shut it down.
fn cuttable(socket: TcpStream) -> Option<(TcpStream, std::net::TcpStream)> {
    let socket = socket.into_std().ok()?;
    let line = socket.try_clone().ok()?;
    Some((TcpStream::from_std(socket).ok()?, line))
}

/// What the client asked for its terminal.
#[derive(Debug, Clone, Default)]
struct Pty {
    term: String,
    columns: u16,
    rows: u16,
}

/// The russh handler of one connection.
pub struct Connection {
    shared: Arc<Shared>,
    peer: SocketAddr,
    name: String,
    role: Role,
    /// Fired once the client has authenticated.
    authed: Option<oneshot::Sender<()>>,
    wrong_codes: u32,
    /// The session channel, until its shell starts.
    channel: Option<Channel<Msg>>,
    pty: Option<Pty>,
    no_color: bool,
    locale: Option<String>,
    /// Where the running explorer takes its input and size.
    input: Option<mpsc::Sender<Vec<u8>>>,
    size: Option<watch::Sender<(u16, u16)>>,
}

impl Connection {
    fn new(shared: Arc<Shared>, peer: SocketAddr, authed: oneshot::Sender<()>) -> Connection {
        Connection {
            shared,
            peer,
            name: String::new(),
            role: Role::Student,
            authed: Some(authed),
            wrong_codes: 0,
            channel: None,
            pty: None,
            no_color: false,
            locale: None,
            input: None,
            size: None,
        }
    }

    /// The methods a client may try, given the teacher's settings.
    fn methods(&self) -> MethodSet {
        MethodSet::from(
            &[
                MethodKind::PublicKey,
                MethodKind::KeyboardInteractive,
                MethodKind::Password,
            ][..],
        )
    }

    fn accept(&mut self, user: &str, role: Role) -> Auth {
        self.name = student_name(user);
        self.role = role;
        Auth::Accept
    }

    /// Check a class code; a wrong one costs more time at each try.
    async fn code(&mut self, user: &str, given: &str) -> Auth {
        match &self.shared.settings.code {
            None => self.accept(user, Role::Student),
            Some(code) if same(code.as_bytes(), given.trim().as_bytes()) => {
                self.accept(user, Role::Student)
            }
            Some(_) => {
                self.wrong_codes += 1;
                tokio::time::sleep(Duration::from_secs(u64::from(self.wrong_codes.min(5)))).await;
                Auth::Reject {
                    proceed_with_methods: Some(self.methods()),
                    partial_success: false,
                }
            }
        }
    }

    /// Refuse a request on `channel`, telling the client why.
    fn refuse(
        &self,
        channel: ChannelId,
        why: &str,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        session.extended_data(channel, 1, format!("waltz: {why}\r\n").into_bytes())?;
        session.channel_failure(channel)?;
        session.exit_status_request(channel, 1)?;
        session.close(channel)
    }

    /// Say one line and close the channel.
    fn say_and_close(
        &self,
        channel: ChannelId,
        line: &str,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        session.data(channel, format!("{line}\r\n").into_bytes())?;
        session.exit_status_request(channel, 1)?;
        session.eof(channel)?;
        session.close(channel)
    }
}

impl russh::server::Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        let settings = &self.shared.settings;
        if settings.code.is_none() && !settings.teachers.any() {
            return Ok(self.accept(user, Role::Student));
        }
        // A teacher's client must get to offer its key, and a student to
        // type the code: say which methods work.
        Ok(Auth::Reject {
            proceed_with_methods: Some(self.methods()),
            partial_success: false,
        })
    }

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        offer: russh::server::PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        let settings = &self.shared.settings;
        // Without a class code any key gets a student in; with one, only a
        // teacher's key skips it.
        if settings.teachers.holds(offer.public_key) || settings.code.is_none() {
            Ok(Auth::Accept)
        } else {
            Ok(Auth::Reject {
                proceed_with_methods: Some(self.methods()),
                partial_success: false,
            })
        }
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: russh::server::VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        let settings = &self.shared.settings;
        if settings.teachers.holds(key.public_key) {
            Ok(self.accept(user, Role::Teacher))
        } else if settings.code.is_none() {
            Ok(self.accept(user, Role::Student))
        } else {
            Ok(Auth::reject())
        }
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _submethods: &str,
        response: Option<russh::server::Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        if self.shared.settings.code.is_none() {
            return Ok(self.accept(user, Role::Student));
        }
        match response {
            // An empty answer list is a client starting over: ask again.
            Some(mut answers) => match answers.next() {
                Some(answer) => {
                    let given = String::from_utf8_lossy(&answer).into_owned();
                    Ok(self.code(user, &given).await)
                }
                None => Ok(ask_code()),
            },
            None => Ok(ask_code()),
        }
    }

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        Ok(self.code(user, password).await)
    }

    async fn auth_succeeded(&mut self, _session: &mut Session) -> Result<(), Self::Error> {
        if let Some(authed) = self.authed.take() {
            let _ = authed.send(());
        }
        Ok(())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: russh::server::ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // One explorer per connection; a second channel is refused.
        if self.channel.is_none() && self.input.is_none() {
            self.channel = Some(channel);
            reply.accept().await;
        }
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(russh::Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let (columns, rows) = clamp(columns, rows);
        self.pty = Some(Pty {
            term: sanitize::line(term).into_owned(),
            columns,
            rows,
        });
        session.channel_success(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        match name {
            "NO_COLOR" => self.no_color = !value.is_empty(),
            // The most specific locale variable sent wins.
            "LC_ALL" => self.locale = Some(value.to_owned()),
            "LC_CTYPE" | "LANG" if self.locale.is_none() => self.locale = Some(value.to_owned()),
            "LC_CTYPE" | "LANG" => {}
            _ => return session.channel_failure(channel),
        }
        session.channel_success(channel)
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_success(channel)?;
        let Some(pty) = self.pty.clone() else {
            return self.say_and_close(
                channel,
                "waltz needs a terminal: connect with `ssh -t` (not -T)",
                session,
            );
        };
        let Some(seat) = self.shared.join() else {
            log(&format!("refused {}: the class is full", self.name));
            return self.say_and_close(
                channel,
                &format!(
                    "waltz: the class is full ({})",
                    self.shared.settings.max_sessions
                ),
                session,
            );
        };
        let Some(open) = self.channel.take() else {
            return session.channel_failure(channel);
        };
        // The channel's reading half is not used (the handler gets the
        // data); dropping it keeps russh from queueing for it.
        let (_, out) = open.split();
        let (input, inputs) = mpsc::channel(INPUT_QUEUE);
        let (size, sizes) = watch::channel((pty.columns, pty.rows));
        self.input = Some(input);
        self.size = Some(size);
        let terminal = Terminal {
            term: pty.term,
            no_color: self.no_color,
            locale: self.locale.clone(),
        };
        let shared = Arc::clone(&self.shared);
        let name = self.name.clone();
        let role = self.role;
        let peer = self.peer;
        let handle = session.handle();
        log(&format!(
            "+ {name} ({}) from {peer} · {} connected",
            role.name(),
            shared.connected()
        ));
        tokio::spawn(async move {
            let wiring = session::Wiring {
                inputs,
                sizes,
                out,
                handle,
                channel,
            };
            let teacher = role == Role::Teacher;
            let ending = session::run(&shared, &name, teacher, terminal, wiring).await;
            drop(seat);
            log(&format!(
                "- {name} ({}): {} · {} connected",
                role.name(),
                ending.describe(),
                shared.connected()
            ));
            let _: Ending = ending;
        });
        Ok(())
    }

    async fn data(
        &mut self,
        _channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // Waiting here when the session is behind slows this client's
        // connection down, and only this one.
        if let Some(input) = &self.input
            && input.send(data.to_vec()).await.is_err()
        {
            self.input = None;
        }
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        _channel: ChannelId,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // A flood of changes costs one redraw: the session sees the last.
        if let Some(size) = &self.size {
            size.send_replace(clamp(columns, rows));
        }
        Ok(())
    }

    async fn channel_eof(&mut self, _: ChannelId, _: &mut Session) -> Result<(), Self::Error> {
        // The explorer sees its input end, and closes.
        self.input = None;
        Ok(())
    }

    async fn channel_close(&mut self, c: ChannelId, s: &mut Session) -> Result<(), Self::Error> {
        self.channel_eof(c, s).await
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _command: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(
            channel,
            "this server runs only the explorer: connect without a command",
            session,
        )
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(
            channel,
            "this server has no subsystems (no SFTP, no files)",
            session,
        )
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _protocol: &str,
        _cookie: &str,
        _screen: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn tcpip_forward(
        &mut self,
        _address: &str,
        _port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }
}

/// The prompt for the class code, as keyboard-interactive asks it.
fn ask_code() -> Auth {
    Auth::Partial {
        name: "waltz".into(),
        instructions: "This class has a code: ask your teacher.".into(),
        prompts: vec![("class code: ".into(), false)].into(),
    }
}

/// Compare without stopping at the first difference.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A terminal size a session will draw: at least 1×1, at most
/// [`MAX_COLUMNS`]×[`MAX_ROWS`].
pub fn clamp(columns: u32, rows: u32) -> (u16, u16) {
    let c = columns.clamp(1, u32::from(MAX_COLUMNS)) as u16;
    let r = rows.clamp(1, u32::from(MAX_ROWS)) as u16;
    (c, r)
}

/// A student's chosen name as the teacher sees it: no control or format
/// characters, at most [`NAME_COLUMNS`] columns, never empty.
pub fn student_name(raw: &str) -> String {
    let visible: String = raw.chars().filter(|c| !c.is_control()).collect();
    let name = fit(sanitize::line(&visible).trim(), NAME_COLUMNS);
    if name.is_empty() {
        "student".to_owned()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_controls_and_bidi_and_are_cut() {
        assert_eq!(student_name("ali\u{1b}[31mce\u{202e}"), "ali[31mce");
        assert_eq!(student_name(""), "student");
        assert_eq!(student_name("\u{7}\u{200b}"), "student");
        let long = "x".repeat(100);
        assert_eq!(
            crate::explorer::view::text::width(&student_name(&long)),
            NAME_COLUMNS
        );
    }

    #[test]
    fn sizes_are_clamped() {
        assert_eq!(clamp(10_000, 10_000), (MAX_COLUMNS, MAX_ROWS));
        assert_eq!(clamp(0, 0), (1, 1));
        assert_eq!(clamp(80, 24), (80, 24));
    }
}
