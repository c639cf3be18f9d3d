//! A scripted student: an SSH client (russh's client side) that opens the
//! explorer on a `waltz serve`, types, and reads what its screen receives.
//! The load bench runs a hundred of them; the class tests use them where
//! OpenSSH's `ssh` in a terminal would be a hundred processes.

use std::sync::Arc;
use std::time::{Duration, Instant};

use russh::client::{self, Handle, KeyboardInteractiveAuthResponse, Msg};
use russh::keys::PublicKeyOrCertificate;
use russh::{Channel, ChannelMsg};

/// Accepts any host key: a scripted student on loopback.
struct Trusting;

impl client::Handler for Trusting {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// A connected student with the explorer open.
pub struct Student {
    _session: Handle<Trusting>,
    channel: Channel<Msg>,
    /// The screen as a terminal would show it.
    screen: vt100::Parser,
}

impl Student {
    /// Connect to `addr` as `name` (with the class `code`, if the server
    /// asks for one) on a `columns`×`rows` terminal, and open the explorer.
    pub async fn connect(
        addr: &str,
        name: &str,
        code: Option<&str>,
        columns: u32,
        rows: u32,
    ) -> Result<Student, russh::Error> {
        let config = Arc::new(client::Config {
            inactivity_timeout: Some(Duration::from_secs(300)),
            ..Default::default()
        });
        let mut session = client::connect(config, addr, Trusting).await?;
        // Without a class code or a teacher the server lets anyone in at
        // once; otherwise keyboard-interactive asks for the code.
        if !session.authenticate_none(name).await?.success() {
            let mut reply = session
                .authenticate_keyboard_interactive_start(name, None)
                .await?;
            loop {
                match reply {
                    KeyboardInteractiveAuthResponse::Success => break,
                    KeyboardInteractiveAuthResponse::Failure { .. } => {
                        return Err(russh::Error::NotAuthenticated);
                    }
                    KeyboardInteractiveAuthResponse::InfoRequest { prompts, .. } => {
                        let answers = prompts
                            .iter()
                            .map(|_| code.unwrap_or("").to_owned())
                            .collect();
                        reply = session
                            .authenticate_keyboard_interactive_respond(answers)
                            .await?;
                    }
                }
            }
        }
        let channel = session.channel_open_session().await?;
        channel
            .request_pty(true, "xterm-256color", columns, rows, 0, 0, &[])
            .await?;
        channel.request_shell(true).await?;
        let (rows, columns) = (
            std::num::NonZeroU16::new(rows.clamp(1, 500) as u16)
                .unwrap_or(std::num::NonZeroU16::MIN),
            std::num::NonZeroU16::new(columns.clamp(1, 500) as u16)
                .unwrap_or(std::num::NonZeroU16::MIN),
        );
        Ok(Student {
            _session: session,
            channel,
            screen: vt100::Parser::new(rows, columns, 0),
        })
    }

    /// Type `bytes`.
    pub async fn send(&self, bytes: &[u8]) -> Result<(), russh::Error> {
        self.channel.data_bytes(bytes.to_vec()).await
    }

    /// The screen as it shows now.
    pub fn screen(&self) -> String {
        self.screen.screen().contents()
    }

    /// Read until the screen shows `needle`, or `within` has passed;
    /// whether it came.
    pub async fn wait_for(&mut self, needle: &str, within: Duration) -> bool {
        let deadline = Instant::now() + within;
        loop {
            if self.screen().contains(needle) {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || !self.read(left).await {
                return false;
            }
        }
    }

    /// Wait up to `within` for the next frame, after taking in whatever
    /// had already arrived; false if none came (or the session ended).
    pub async fn next_frame(&mut self, within: Duration) -> bool {
        self.read(within).await
    }

    /// Take in whatever has arrived, without waiting.
    pub async fn drain(&mut self) {
        while self.read(Duration::ZERO).await {}
    }

    async fn read(&mut self, within: Duration) -> bool {
        match tokio::time::timeout(within, self.channel.wait()).await {
            Ok(Some(ChannelMsg::Data { data })) => {
                self.screen.process(&data);
                true
            }
            Ok(Some(_)) => true,
            Ok(None) | Err(_) => false,
        }
    }
}
