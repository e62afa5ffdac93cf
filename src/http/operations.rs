//! Each operation declared once. A handler's `#[utoipa::path]` says its
//! method, path and documentation; `Operations::add` takes that description
//! (the `__path_<handler>` type utoipa generates beside every documented
//! handler) with the handler, and from the one list makes both the routes
//! and the document's paths. A resource's `mod.rs` adds its operations; the
//! API's list of resources (`crate::api`) mounts them.

use std::sync::Arc;

use actix_web::guard::{Guard, GuardContext};
use actix_web::http::Method;
use actix_web::{web, FromRequest, Handler, HttpRequest, HttpResponse, Responder, Route};
use utoipa::__dev::{SchemaReferences, Tags};
use utoipa::openapi::path::{HttpMethod, ParameterIn, Paths};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{OpenApi, RefOr};

use super::{json_config, method_not_allowed};
use crate::error::{ApiError, FieldError};

type MakeRoute = Arc<dyn Fn() -> Route + Send + Sync>;

/// One method of one path, and how to build its route (once per worker).
struct Endpoint {
    path: String,
    method: Method,
    /// The query parameters it documents: any other is refused.
    query: Vec<String>,
    route: MakeRoute,
}

/// The operations of the API, in the order their routes are tried (a path
/// with a parameter is a pattern: `/v1/ledger/balances` must come before
/// `/v1/ledger/{id}`).
#[derive(Default)]
pub struct Operations {
    endpoints: Vec<Endpoint>,
    /// Paths whose JSON bodies may be larger than the default.
    json_limits: Vec<(String, usize)>,
    paths: Paths,
    schemas: Vec<(String, RefOr<Schema>)>,
}

impl Operations {
    /// Adds `handler`, served and documented as `doc` (its
    /// `handlers::__path_<name>`) says.
    pub fn add<D, H, Args>(&mut self, doc: D, handler: H) -> &mut Self
    where
        D: utoipa::Path + for<'t> Tags<'t> + SchemaReferences,
        H: Handler<Args> + Send + Sync,
        Args: FromRequest + 'static,
        H::Output: Responder + 'static,
    {
        let _ = doc;
        let path = D::path();
        let methods = D::methods();
        let mut operation = D::operation();
        let tags = <D as Tags>::tags();
        if !tags.is_empty() {
            let own = operation.tags.get_or_insert_with(Vec::new);
            own.extend(tags.into_iter().map(str::to_owned));
        }
        let query: Vec<String> = operation
            .parameters
            .iter()
            .flatten()
            .filter_map(|p| match p {
                RefOr::T(p) if p.parameter_in == ParameterIn::Query => Some(p.name.clone()),
                _ => None,
            })
            .collect();
        for method in &methods {
            let method = actix_method(method);
            let handler = handler.clone();
            let on = method.clone();
            self.endpoints.push(Endpoint {
                path: path.clone(),
                method,
                query: query.clone(),
                route: Arc::new(move || web::method(on.clone()).to(handler.clone())),
            });
        }
        D::schemas(&mut self.schemas);
        self.paths.add_path_operation(path, methods, operation);
        self
    }

    /// Lets the JSON bodies of the last added path be up to `limit` bytes.
    pub fn json_limit(&mut self, limit: usize) -> &mut Self {
        if let Some(last) = self.endpoints.last() {
            self.json_limits.push((last.path.clone(), limit));
        }
        self
    }

    /// Registers every path once, with its methods; any other method answers
    /// `405` with `Allow`.
    pub fn configure(&self, cfg: &mut web::ServiceConfig) {
        let mut paths: Vec<&str> = Vec::new();
        for e in &self.endpoints {
            if !paths.contains(&e.path.as_str()) {
                paths.push(&e.path);
            }
        }
        for path in paths {
            let here: Vec<&Endpoint> = self.endpoints.iter().filter(|e| e.path == path).collect();
            // `HEAD` wherever `GET` is (`http::head_as_get`).
            let allow: Vec<&str> = here
                .iter()
                .flat_map(|e| match e.method {
                    Method::GET => vec!["GET", "HEAD"],
                    _ => vec![e.method.as_str()],
                })
                .collect();
            let taken: Arc<Vec<(Method, Vec<String>)>> = Arc::new(
                here.iter()
                    .map(|e| (e.method.clone(), e.query.clone()))
                    .collect(),
            );
            // First: a request naming a query parameter its operation does
            // not document is refused (a guard, so that a request without a
            // query string pays one comparison).
            let refused = taken.clone();
            let mut resource =
                web::resource(path).route(web::route().guard(UnknownQuery(taken.clone())).to(
                    move |req: HttpRequest| {
                        let refused = refused.clone();
                        async move {
                            let q = req.query_string();
                            match unknown_parameters(req.method(), q, &refused) {
                                Some(err) => Err::<HttpResponse, _>(err),
                                None => Err(ApiError::internal("the guard and handler disagree")),
                            }
                        }
                    },
                ));
            if let Some((_, limit)) = self.json_limits.iter().find(|(p, _)| p == path) {
                resource = resource.app_data(json_config().limit(*limit));
            }
            for e in here {
                resource = resource.route((e.route)());
            }
            cfg.service(resource.default_service(method_not_allowed(allow.join(", "))));
        }
    }

    /// `base` (info, tags, shared schemas, security) with every operation's
    /// path and the schemas they name.
    pub fn document(&self, mut base: OpenApi) -> OpenApi {
        base.paths.merge(self.paths.clone());
        let components = base.components.get_or_insert_with(Default::default);
        components.schemas.extend(self.schemas.iter().cloned());
        base
    }
}

/// `422` naming every query parameter the request's operation does not
/// document (a misspelt filter must not silently return everything).
fn unknown_parameters(
    method: &Method,
    query: &str,
    taken: &[(Method, Vec<String>)],
) -> Option<ApiError> {
    if query.is_empty() {
        return None;
    }
    let documented = taken
        .iter()
        .find(|(m, _)| m == method)
        .map(|(_, names)| names.as_slice())?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).ok()?;
    let mut unknown: Vec<FieldError> = Vec::new();
    for (name, _) in pairs {
        if !documented.contains(&name) && !unknown.iter().any(|e| e.field == name) {
            unknown.push(FieldError::new(
                name.replace('\0', ""),
                "unknown_parameter",
                "this operation takes no such parameter",
            ));
        }
    }
    (!unknown.is_empty()).then(|| ApiError::validation(unknown))
}

/// Matches a request whose query string names a parameter its operation
/// does not document.
struct UnknownQuery(Arc<Vec<(Method, Vec<String>)>>);

impl Guard for UnknownQuery {
    fn check(&self, ctx: &GuardContext<'_>) -> bool {
        let head = ctx.head();
        head.uri
            .query()
            .is_some_and(|q| unknown_parameters(&head.method, q, &self.0).is_some())
    }
}

fn actix_method(method: &HttpMethod) -> Method {
    match method {
        HttpMethod::Get => Method::GET,
        HttpMethod::Post => Method::POST,
        HttpMethod::Put => Method::PUT,
        HttpMethod::Patch => Method::PATCH,
        HttpMethod::Delete => Method::DELETE,
        HttpMethod::Head => Method::HEAD,
        HttpMethod::Options => Method::OPTIONS,
        HttpMethod::Trace => Method::TRACE,
    }
}
