//! kith: a JSON REST API for keeping a professional network alive.

pub mod agenda;
pub mod api;
pub mod archive;
pub mod auth;
pub mod changes;
pub mod config;
pub mod contacts;
pub mod db;
pub mod error;
pub mod http;
pub mod ids;
pub mod input;
pub mod interactions;
pub mod introductions;
pub mod json;
pub mod ledger;
pub mod network;
pub mod openapi;
pub mod ops;
pub mod relationships;
pub mod seed;
pub mod startup;
pub mod state;
pub mod tags;
pub mod telemetry;
pub mod time;
