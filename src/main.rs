//! The `kith` command: `serve` (the default), `migrate`, `openapi`.

use std::process::ExitCode;

use kith::config::Settings;
use kith::startup::Application;

// glibc's malloc spends much of a request in lock and arena work on a
// multi-threaded server; mimalloc does not.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: kith [serve | migrate | openapi | seed [options]]

  serve     run the API (the default)
  migrate   apply pending database migrations and exit
  openapi   print the OpenAPI document on stdout
  seed      fill the database with a benchmark network:
              --contacts N (100000) --interactions N (1000000) --ledger N (1000000)
              --relationships N (300000) --email E --password P --no-second-user

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
        "seed" => match seed(&args[1..]) {
            Ok(summary) => {
                print!("{summary}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("kith seed: {e}");
                ExitCode::FAILURE
            }
        },
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

fn seed(args: &[String]) -> Result<String, String> {
    let settings = Settings::load()?;
    let mut o = kith::seed::SeedOptions::default();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        let mut count = || -> Result<usize, String> {
            let v = value()?;
            v.parse().map_err(|_| format!("{flag}: not a number: {v}"))
        };
        match flag.as_str() {
            "--contacts" => o.contacts = count()?,
            "--interactions" => o.interactions = count()?,
            "--ledger" => o.ledger = count()?,
            "--relationships" => o.relationships = count()?,
            "--email" => o.email = value()?,
            "--password" => o.password = value()?,
            "--no-second-user" => o.second_user = false,
            other => return Err(format!("unknown option {other}\n\n{USAGE}")),
        }
    }
    if o.contacts < 2 {
        return Err("--contacts must be at least 2".into());
    }
    kith::seed::run(&settings.db_target()?, &o)
}
