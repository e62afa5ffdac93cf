//! The events kith sends, for the OpenAPI document's `webhooks` (OpenAPI
//! 3.1): one entry per resource, its body `{type, timestamp, data}` with
//! `data` the resource's own schema, and the Standard Webhooks headers.

use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathItem,
};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{AnyOfBuilder, ObjectBuilder, Ref, Schema, Type};
use utoipa::openapi::{ContentBuilder, Paths, PathsBuilder, Required, ResponseBuilder};

/// (webhook name, its events, the schema of `data`, what it is about).
const FAMILIES: [(&str, &[&str], &str, &str); 9] = [
    (
        "contact",
        &["contact.created", "contact.updated", "contact.deleted", "contact.restored", "contact.merged"],
        "Contact",
        "A contact was created, changed, moved to the trash (`deleted`), restored, or merged into another (`data`: `{id, merged_into}`).",
    ),
    ("interaction", &["interaction.created", "interaction.updated", "interaction.deleted"], "Interaction", "An interaction was logged, changed or deleted."),
    ("ledger_entry", &["ledger_entry.created", "ledger_entry.updated", "ledger_entry.deleted"], "LedgerEntry", "A favor was recorded, changed or deleted."),
    ("relationship", &["relationship.created", "relationship.updated", "relationship.deleted"], "Relationship", "Two contacts were related, or that changed or was deleted."),
    ("introduction", &["introduction.created", "introduction.updated", "introduction.deleted"], "Introduction", "An introduction was proposed, changed or deleted."),
    ("tag", &["tag.updated", "tag.deleted"], "Tag", "A tag's cadence was set, or the tag was deleted (tags come into being with the contacts that carry them)."),
    ("need", &["need.created", "need.updated", "need.deleted"], "Need", "A need or an offer was recorded, changed (met, dropped) or deleted."),
    (
        "agenda",
        &["agenda.contact_overdue", "agenda.follow_up_due", "agenda.promise_due", "agenda.birthday"],
        "AgendaItem",
        "A reminder, once per item and occurrence, on the day it falls due in your time zone.",
    ),
    ("webhook.test", &["webhook.test"], "", "`POST /v1/webhooks/{id}/test` (`data`: `{webhook_id, message}`)."),
];

fn header(name: &str, what: &str, example: &str) -> utoipa::openapi::path::Parameter {
    ParameterBuilder::new()
        .name(name)
        .parameter_in(ParameterIn::Header)
        .required(Required::True)
        .description(Some(what))
        .schema(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .examples([example]),
        ))
        .build()
}

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

/// The `webhooks` of the OpenAPI document.
pub fn webhooks() -> Paths {
    let mut paths = PathsBuilder::new();
    for (name, events, data, about) in FAMILIES {
        let id_only = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("id", string())
            .property("merged_into", string())
            .property("truncated", ObjectBuilder::new().schema_type(Type::Boolean))
            .required("id")
            .description(Some(
                "A deletion (with `merged_into` for a merge), or a resource over 20 KiB (`truncated`)",
            ));
        let data: Schema = match data {
            "" => ObjectBuilder::new()
                .schema_type(Type::Object)
                .property("webhook_id", string())
                .property("message", string())
                .into(),
            schema => AnyOfBuilder::new()
                .item(Ref::from_schema_name(schema))
                .item(id_only)
                .into(),
        };
        let body = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("type", string().enum_values(Some(events.iter().copied())))
            .property(
                "timestamp",
                string().format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                    utoipa::openapi::KnownFormat::DateTime,
                ))),
            )
            .property("data", data)
            .required("type")
            .required("timestamp")
            .required("data");
        let operation = OperationBuilder::new()
            .summary(Some(format!("{name} events")))
            .description(Some(format!(
                "{about} Sent as a `POST` to each webhook subscribed to the event, signed by the \
                 Standard Webhooks specification; answer `2xx` (a redirect is not followed; `410` \
                 disables the webhook; anything else is retried)."
            )))
            .operation_id(Some(format!("{}_event", name.replace('.', "_"))))
            .tag("webhooks")
            // kith sends these; the receiver checks the signature, no token.
            .securities(Some(Vec::<utoipa::openapi::security::SecurityRequirement>::new()))
            .parameter(header("webhook-id", "The delivery's id: the same on every attempt (drop repeats by it)", "01a23b0f-4e1c-7d2a-9b3e-5f6a7b8c9d0e"))
            .parameter(header("webhook-timestamp", "Seconds since 1970 when this attempt was signed", "1796026500"))
            .parameter(header(
                "webhook-signature",
                "`v1,` and base64 of HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` with the secret's key; two, space-separated, for 24 hours after a rotation",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            ))
            .request_body(Some(
                RequestBodyBuilder::new()
                    .content("application/json", ContentBuilder::new().schema(Some(body)).build())
                    .required(Some(Required::True))
                    .build(),
            ))
            .response("2XX", ResponseBuilder::new().description("Received"));
        paths = paths.path(name, PathItem::new(HttpMethod::Post, operation));
    }
    paths.build()
}
