//! The `kith` command: `serve` (the default), `migrate`, `openapi`.

use std::process::ExitCode;

use kith::config::Settings;
use kith::startup::Application;

const USAGE: &str = "usage: kith [serve | migrate | openapi]

  serve     run the API (the default)
  migrate   apply pending database migrations and exit
  openapi   print the OpenAPI document on stdout

configuration: KITH_DATABASE_URL (sqlite://PATH or postgres://…), KITH_LISTEN,
KITH_JWT_SECRET, … or a kith.toml file; see README.md";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map_or("serve", String::as_str);
    match command {
        "openapi" => {
            print!("{}", kith::openapi::document());
            ExitCode::SUCCESS
        }
        "serve" | "migrate" => {
            let settings = match Settings::load() {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("kith: {e}");
                    return ExitCode::from(2);
                }
            };
            kith::telemetry::init(settings.log_json);
            let result = if command == "migrate" {
                migrate(&settings)
            } else {
                serve(settings)
            };
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    tracing::error!("{e}");
                    eprintln!("kith: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("kith: unknown command {other:?}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn migrate(settings: &Settings) -> Result<(), String> {
    let mut conn = settings.db_target()?.connect()?;
    let n = kith::db::migrate(&mut conn)?;
    tracing::info!(applied = n, "migrations up to date");
    Ok(())
}

fn serve(settings: Settings) -> Result<(), String> {
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(settings)?;
        app.run_until_stopped().await.map_err(|e| e.to_string())
    })
}
