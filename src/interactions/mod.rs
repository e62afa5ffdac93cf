//! Interactions: every email, call or coffee, and the clock it resets for
//! everyone who took part.

pub mod domain;
pub mod dto;
pub mod handlers;
pub mod queries;
