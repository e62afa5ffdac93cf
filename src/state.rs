//! The application state every handler reaches through `web::Data`: the
//! database, the token keys and the settings. It sits on the ground floor, so
//! that handlers and HTTP mechanics can name it without importing `startup`.

use crate::auth::jwt::JwtKeys;
use crate::config::Settings;
use crate::db::Db;

pub struct AppState {
    pub db: Db,
    pub jwt: JwtKeys,
    pub settings: Settings,
}
