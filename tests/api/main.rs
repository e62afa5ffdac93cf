//! Black-box API tests over real HTTP. Run on SQLite by default, on
//! PostgreSQL with KITH_TEST_DATABASE_URL=postgres://…/postgres.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod access;
mod agenda;
mod auth;
mod batch;
mod captures;
mod changes;
mod cli;
mod contact_json;
mod contacts;
mod contract;
mod duplicates;
mod exports;
mod fields;
mod helpers;
mod imports;
mod interactions;
mod ledger;
mod mechanics;
mod merge;
mod needs;
mod network;
mod openapi;
mod operations;
mod paying_forward;
mod photos;
mod search;
mod seed;
mod shapes;
mod tags;
mod webhooks;
