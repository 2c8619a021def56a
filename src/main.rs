//! Entry point: parse arguments, then run a CLI command or open the designer.

/// mimalloc: see Cargo.toml. The benches use it too, so they measure what the binary does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = linkwright::cli::parse();
    if cli.command.is_none() {
        #[cfg(feature = "gui")]
        {
            let code = match linkwright::gui::run(None, cli.catalog.as_deref()) {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!(
                        "error: {}",
                        linkwright::cli::terminal::escape(&format!("{e:#}"))
                    );
                    2
                }
            };
            std::process::exit(code);
        }
        #[cfg(not(feature = "gui"))]
        {
            use clap::CommandFactory;
            let _ = linkwright::cli::Cli::command().print_help();
            std::process::exit(0);
        }
    }
    #[cfg(feature = "gui")]
    if let Some(linkwright::cli::Command::Open { file }) = &cli.command {
        let code = match linkwright::gui::run(Some(file.clone()), cli.catalog.as_deref()) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!(
                    "error: {}",
                    linkwright::cli::terminal::escape(&format!("{e:#}"))
                );
                2
            }
        };
        std::process::exit(code);
    }
    // SAFETY: no other thread runs yet.
    unsafe { linkwright::keep_freed_memory() };
    linkwright::without_huge_pages();
    match linkwright::cli::run(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!(
                "error: {}",
                linkwright::cli::terminal::escape(&format!("{e:#}"))
            );
            std::process::exit(2);
        }
    }
}
