//! The command line explains itself: help for the command and each
//! subcommand, and a wrong option or command named, with exit code 2.

use std::process::Command;

fn kith(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kith"))
        .args(args)
        // Nothing here may reach a database or a listener.
        .env("KITH_DATABASE_URL", "sqlite:///nonexistent/dir/kith.db")
        .output()
        .expect("kith runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn help_lists_the_commands_and_exits_0() {
    let (code, out, _) = kith(&["--help"]);
    assert_eq!(code, 0);
    for command in ["serve", "migrate", "openapi", "seed"] {
        assert!(out.contains(command), "{command} in: {out}");
    }
}

#[test]
fn each_command_has_its_own_help() {
    let (code, out, _) = kith(&["seed", "--help"]);
    assert_eq!(code, 0);
    for option in [
        "--contacts",
        "--interactions",
        "--ledger",
        "--no-second-user",
    ] {
        assert!(out.contains(option), "{option} in: {out}");
    }
    let (code, out, _) = kith(&["migrate", "--help"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_wrong_option_or_command_names_itself_and_exits_2() {
    let (code, _, err) = kith(&["seed", "--contact", "5"]);
    assert_eq!(code, 2);
    assert!(err.contains("--contact"), "{err}");
    let (code, _, err) = kith(&["seed", "--contacts", "many"]);
    assert_eq!(code, 2);
    assert!(err.contains("many"), "{err}");
    let (code, _, err) = kith(&["sereve"]);
    assert_eq!(code, 2);
    assert!(err.contains("sereve"), "{err}");
}

#[test]
fn openapi_prints_the_document() {
    let (code, out, _) = kith(&["openapi"]);
    assert_eq!(code, 0);
    assert_eq!(out, kith::openapi::document());
}
