//! Contacts: the people of the network.

pub mod derived;
pub mod domain;
pub mod dto;
pub mod handlers;
pub mod models;
pub mod queries;
