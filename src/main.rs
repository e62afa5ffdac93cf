//! The `kith` command: `serve` (the default), `migrate`, `openapi`, `seed`.

use std::process::ExitCode;

use kith::config::Settings;
use kith::startup::Application;

// glibc's malloc spends much of a request in lock and arena work on a
// multi-threaded server; mimalloc does not.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// kith: a JSON API for keeping a professional network alive.
///
/// Configuration comes from the environment (KITH_DATABASE_URL as
/// sqlite://PATH or postgres://…, KITH_LISTEN, KITH_JWT_SECRET, …) or a
/// kith.toml file; docs/OPERATIONS.md lists every setting.
#[derive(clap::Parser)]
#[command(name = "kith", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Run the API (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document on stdout.
    Openapi,
    /// Fill the database with a benchmark network.
    Seed(SeedArgs),
}

#[derive(clap::Args)]
struct SeedArgs {
    /// Contacts of the benchmark user (at least 2).
    #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(2..))]
    contacts: u64,
    /// Interactions, each with one to three contacts.
    #[arg(long, default_value_t = 1_000_000)]
    interactions: usize,
    /// Ledger entries.
    #[arg(long, default_value_t = 1_000_000)]
    ledger: usize,
    /// Relationships between contacts.
    #[arg(long, default_value_t = 300_000)]
    relationships: usize,
    /// Open asks and offers (half each).
    #[arg(long, default_value_t = 0)]
    needs: usize,
    /// The benchmark user's email.
    #[arg(long, default_value = "bench@example.com")]
    email: String,
    /// The benchmark user's password.
    #[arg(long, default_value = "bench-password-123")]
    password: String,
    /// Leave out the second, small user (kept apart from the first under load).
    #[arg(long)]
    no_second_user: bool,
}

fn main() -> ExitCode {
    // `--help` and `--version` print and exit 0; a wrong command or option
    // names itself and exits 2.
    let cli = <Cli as clap::Parser>::parse();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Openapi => {
            print!("{}", kith::openapi::document());
            ExitCode::SUCCESS
        }
        Command::Seed(args) => match seed(args) {
            Ok(summary) => {
                print!("{summary}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("kith seed: {e}");
                ExitCode::FAILURE
            }
        },
        command @ (Command::Serve | Command::Migrate) => {
            let settings = match Settings::load() {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("kith: {e}");
                    return ExitCode::from(2);
                }
            };
            kith::telemetry::init(settings.log_json);
            let result = if matches!(command, Command::Migrate) {
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

fn seed(args: SeedArgs) -> Result<String, String> {
    let settings = Settings::load()?;
    let o = kith::seed::SeedOptions {
        contacts: args.contacts as usize,
        interactions: args.interactions,
        ledger: args.ledger,
        relationships: args.relationships,
        needs: args.needs,
        email: args.email,
        password: args.password,
        second_user: !args.no_second_user,
        ..kith::seed::SeedOptions::default()
    };
    kith::seed::run(&settings.db_target()?, &o)
}
