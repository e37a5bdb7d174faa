//! `cargo xtask bench`: time generating the whole spec in process, building and checking the
//! Vpc crate (dependencies already built) whole and with one resource family, against the
//! budget and the `aws-sdk-ec2` anchor, the REST crate `acs-cs` per operation against Vpc's,
//! and the request paths of an RPC and a REST operation against their crypto floors.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The crate measured.
const PACKAGE: &str = "acs-vpc";
/// The REST crate measured against it, per operation.
const REST_PACKAGE: &str = "acs-cs";
/// Anchor: `aws-sdk-ec2`, 811 operations, 225 s debug build and 8.4 GB peak with its
/// dependencies built.
const ANCHOR_OPERATIONS: f64 = 811.0;
const ANCHOR_SECONDS: f64 = 225.0;
const ANCHOR_PEAK_MB: f64 = 8400.0;
/// The family built alone: what an application that only manages VPN gateways enables.
const FAMILY: &str = "vpn-gateway";
/// Budget: a one-family build takes at most this share of the whole crate's build.
const BUDGET_FAMILY_SHARE: f64 = 0.25;
/// Budget: the request path takes at most this many times the crypto floor.
const BUDGET_REQUEST_PATH_RATIO: f64 = 3.0;
/// The request-path benchmark and the ids of the measured path and of its floor.
const REQUEST_PATH_BENCH: &str = "request_path";
/// The request-path groups: an RPC operation (flattened query) and a REST one (path template,
/// JSON body), each with its own floor.
const REQUEST_PATH_GROUPS: [(&str, &str); 2] = [
    ("create_vpn_gateway_request_path", "Vpc CreateVpnGateway"),
    (
        "scale_cluster_node_pool_request_path",
        "cs ScaleClusterNodePool",
    ),
];
const REQUEST_PATH_ID: &str = "build_validate_serialize_sign_v3";
const FLOOR_ID: &str = "floor_sha256_plus_hmac";
/// The request path and its floor are measured in this many runs; the best ratio counts.
const REQUEST_PATH_RUNS: usize = 3;
/// Budget: per operation build time, peak memory of the build, generation time per operation
/// of the whole spec (load, check, lower, emit and format: 1 s for the 405 of Vpc and VpcPeer).
const BUDGET_SECONDS_PER_OPERATION: f64 = 0.05;
const BUDGET_PEAK_MB: f64 = 1500.0;
const BUDGET_GENERATE_MS_PER_OPERATION: f64 = 2.5;

/// Runs every measurement (with `generate_only`, the generation's alone) and prints it with
/// its budget and anchor ratios.
pub fn run(repo: &Path, generate_only: bool) -> Result<(), String> {
    let all_operations = operation_count(repo, None)?;
    let operations = operation_count(repo, Some(PACKAGE))?;
    let generate = best_of(3, || {
        acs_codegen::generate(repo)
            .map(|_| ())
            .map_err(|d| d.to_string())
    })?;
    let per_operation = generate.as_secs_f64() * 1000.0 / all_operations as f64;
    println!(
        "generate spec/ ({all_operations} operations: load, check, lower, emit, format; generator as `cargo xtask` builds it): {:.2} s, {per_operation:.2} ms/operation, budget {BUDGET_GENERATE_MS_PER_OPERATION} ms{}",
        generate.as_secs_f64(),
        verdict(per_operation <= BUDGET_GENERATE_MS_PER_OPERATION)
    );
    if generate_only {
        return Ok(());
    }
    let mut whole_build = None;
    for (what, command) in [("debug build", "build"), ("check", "check")] {
        let measured = measure_build(repo, PACKAGE, &[command, "-p", PACKAGE])?;
        report(what, operations, &measured, command == "build");
        whole_build.get_or_insert(measured.seconds);
    }
    let family = measure_build(
        repo,
        PACKAGE,
        &[
            "build",
            "-p",
            PACKAGE,
            "--no-default-features",
            "--features",
            FAMILY,
        ],
    )?;
    let share = family.seconds / whole_build.unwrap_or(f64::NAN);
    println!(
        "{PACKAGE} debug build of the `{FAMILY}` family alone: {:.1} s wall ({:.1} s processor), peak {:.0} MB: {share:.2} of the whole crate's, budget {BUDGET_FAMILY_SHARE}{}",
        family.seconds,
        family.cpu_seconds,
        family.peak_mb,
        verdict(share <= BUDGET_FAMILY_SHARE)
    );
    let rest_operations = operation_count(repo, Some(REST_PACKAGE))?;
    let rest = measure_build(repo, REST_PACKAGE, &["build", "-p", REST_PACKAGE])?;
    let rest_per_op = rest.seconds / rest_operations as f64;
    let vpc_per_op = whole_build.unwrap_or(f64::NAN) / operations as f64;
    println!(
        "{REST_PACKAGE} debug build ({rest_operations} operations, dependencies built): {:.1} s wall, {rest_per_op:.3} s/operation: {:.2}x {PACKAGE}'s {vpc_per_op:.3} s/operation, budget {BUDGET_SECONDS_PER_OPERATION} s/operation{}",
        rest.seconds,
        rest_per_op / vpc_per_op,
        verdict(rest_per_op <= BUDGET_SECONDS_PER_OPERATION)
    );
    request_path(repo)
}

/// A clean build of the package alone: its dependencies are built first, untimed and in the
/// same environment, and the timed run must compile nothing but the package.
fn measure_build(repo: &Path, package: &str, args: &[&str]) -> Result<Measured, String> {
    cargo(repo, args)?;
    cargo(repo, &["clean", "-p", package])?;
    let (measured, compiled) = timed_cargo(repo, args)?;
    let others: Vec<&str> = compiled
        .iter()
        .filter(|c| *c != package)
        .map(String::as_str)
        .collect();
    if others.is_empty() {
        Ok(measured)
    } else {
        Err(format!(
            "`cargo {}` compiled {} besides {package}: the measurement would include them",
            args.join(" "),
            others.join(", ")
        ))
    }
}

/// Runs the request-path benchmark and prints, for each group, its ratio to the crypto floor
/// measured in the same run.
fn request_path(repo: &Path) -> Result<(), String> {
    let mut best: [Option<(f64, f64)>; REQUEST_PATH_GROUPS.len()] =
        [None; REQUEST_PATH_GROUPS.len()];
    for _ in 0..REQUEST_PATH_RUNS {
        cargo(
            repo,
            &["bench", "-p", "acs-tests", "--bench", REQUEST_PATH_BENCH],
        )?;
        for ((group, what), best) in REQUEST_PATH_GROUPS.iter().zip(&mut best) {
            let estimates = repo.join("target/criterion").join(group);
            let path = median_ns(&estimates.join(REQUEST_PATH_ID))?;
            let floor = median_ns(&estimates.join(FLOOR_ID))?;
            println!(
                "  request path run, {what}: {path:.0} ns, floor {floor:.0} ns: {:.2}x",
                path / floor
            );
            if best.is_none_or(|(p, f)| path / floor < p / f) {
                *best = Some((path, floor));
            }
        }
    }
    for ((_, what), best) in REQUEST_PATH_GROUPS.iter().zip(best) {
        let (path, floor) = best.ok_or("no request-path run")?;
        let ratio = path / floor;
        println!(
            "request path (build, validate, serialize, sign V3 of {what}; medians, best of {REQUEST_PATH_RUNS} runs): {path:.0} ns, floor {floor:.0} ns: {ratio:.2}x the floor, budget {BUDGET_REQUEST_PATH_RATIO}x{}",
            verdict(ratio <= BUDGET_REQUEST_PATH_RATIO)
        );
    }
    Ok(())
}

/// The median of a criterion benchmark's last run, in nanoseconds: on a shared machine the
/// mean also measures whatever else ran, in bursts.
fn median_ns(bench: &Path) -> Result<f64, String> {
    let file = bench.join("new/estimates.json");
    let text = std::fs::read_to_string(&file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let estimates: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not criterion's estimates: {e}", file.display()))?;
    estimates["median"]["point_estimate"]
        .as_f64()
        .ok_or_else(|| format!("{} has no median", file.display()))
}

/// Wall time, processor time and peak resident memory of one cargo run.
struct Measured {
    seconds: f64,
    cpu_seconds: f64,
    peak_mb: f64,
}

fn report(what: &str, operations: usize, m: &Measured, budgeted: bool) {
    let per_op = m.seconds / operations as f64;
    let mb_per_op = m.peak_mb / operations as f64;
    let anchor_per_op = ANCHOR_SECONDS / ANCHOR_OPERATIONS;
    let anchor_mb_per_op = ANCHOR_PEAK_MB / ANCHOR_OPERATIONS;
    println!(
        "{PACKAGE} {what} ({operations} operations, dependencies built): {:.1} s wall ({:.1} s processor), {per_op:.3} s/operation ({:.1}x faster than the anchor's {anchor_per_op:.2}); peak {:.0} MB, {mb_per_op:.1} MB/operation ({:.1}x less than the anchor's {anchor_mb_per_op:.1})",
        m.seconds,
        m.cpu_seconds,
        anchor_per_op / per_op,
        m.peak_mb,
        anchor_mb_per_op / mb_per_op,
    );
    if budgeted {
        println!(
            "  budget: {BUDGET_SECONDS_PER_OPERATION} s/operation{}, {BUDGET_PEAK_MB} MB peak{}",
            verdict(per_op <= BUDGET_SECONDS_PER_OPERATION),
            verdict(m.peak_mb <= BUDGET_PEAK_MB)
        );
    }
}

fn verdict(within: bool) -> &'static str {
    if within { " (within)" } else { " (OVER)" }
}

/// The number of operations in the spec of `package`, or of every package.
fn operation_count(repo: &Path, package: Option<&str>) -> Result<usize, String> {
    let (tree, diagnostics) = acs_codegen::spec::load_tree(&repo.join(acs_codegen::SPEC_DIR));
    if !diagnostics.is_empty() {
        return Err(diagnostics.to_string());
    }
    let counted: Vec<usize> = tree
        .products
        .iter()
        .filter(|p| {
            package.is_none_or(|name| acs_codegen::naming::crate_name(&p.product.product) == name)
        })
        .map(|p| p.operations.len())
        .collect();
    match (package, counted.as_slice()) {
        (Some(name), []) => Err(format!("no spec generates {name}")),
        _ => Ok(counted.iter().sum()),
    }
}

fn best_of(runs: usize, mut f: impl FnMut() -> Result<(), String>) -> Result<Duration, String> {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        f()?;
        best = best.min(start.elapsed());
    }
    Ok(best)
}

fn cargo_program() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// The environment of every cargo run here: nothing compiled incrementally, as dependencies
/// are built. Runs must share it, or the second rebuilds the workspace's own crates.
const CARGO_ENV: (&str, &str) = ("CARGO_INCREMENTAL", "0");

fn cargo(repo: &Path, args: &[&str]) -> Result<(), String> {
    let status = Command::new(cargo_program())
        .args(args)
        .env(CARGO_ENV.0, CARGO_ENV.1)
        .current_dir(repo)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed", args.join(" ")))
    }
}

/// Runs cargo under `/usr/bin/time -v`, which reports the peak resident memory of the largest
/// process (rustc), and the wall time; with the packages it compiled.
fn timed_cargo(repo: &Path, args: &[&str]) -> Result<(Measured, Vec<String>), String> {
    let start = Instant::now();
    let output = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(cargo_program())
        .args(args)
        .env(CARGO_ENV.0, CARGO_ENV.1)
        .current_dir(repo)
        .output()
        .map_err(|e| format!("cannot run /usr/bin/time (GNU time): {e}"))?;
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("`cargo {}` failed:\n{stderr}", args.join(" ")));
    }
    let peak_kb = field(&stderr, "Maximum resident set size (kbytes): ")
        .ok_or("GNU time printed no peak memory")?;
    let cpu_seconds = ["User time (seconds): ", "System time (seconds): "]
        .iter()
        .filter_map(|key| field(&stderr, key))
        .sum();
    let compiled = stderr
        .lines()
        .filter_map(|line| {
            let line = line.trim_start();
            let rest = line
                .strip_prefix("Compiling ")
                .or_else(|| line.strip_prefix("Checking "))?;
            rest.split_whitespace().next().map(str::to_owned)
        })
        .collect();
    let measured = Measured {
        seconds,
        cpu_seconds,
        peak_mb: peak_kb / 1024.0,
    };
    Ok((measured, compiled))
}

/// A number GNU time printed after `key`.
fn field(report: &str, key: &str) -> Option<f64> {
    report
        .lines()
        .find_map(|l| l.trim().strip_prefix(key))
        .and_then(|v| v.trim().parse().ok())
}
