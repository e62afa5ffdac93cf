// Written by hand to match both migration folders (the column types are the
// ones both backends share, so one schema serves SQLite and PostgreSQL).

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        email_key -> Text,
        name -> Text,
        password_hash -> Text,
        change_seq -> BigInt,
        created_at -> BigInt,
        updated_at -> BigInt,
        time_zone -> Text,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        user_id -> Text,
        family_id -> Text,
        token_hash -> Text,
        created_at -> BigInt,
        expires_at -> BigInt,
        used_at -> Nullable<BigInt>,
        revoked_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    contacts (id) {
        id -> Text,
        user_id -> Text,
        display_name -> Text,
        name_key -> Text,
        given_name -> Nullable<Text>,
        family_name -> Nullable<Text>,
        emails -> Text,
        phones -> Text,
        company -> Nullable<Text>,
        company_key -> Nullable<Text>,
        title -> Nullable<Text>,
        location -> Nullable<Text>,
        notes -> Nullable<Text>,
        tags -> Text,
        birthday -> Nullable<Text>,
        how_we_met -> Nullable<Text>,
        met_via -> Nullable<Text>,
        cadence_days -> Nullable<Integer>,
        snoozed_until -> Nullable<Text>,
        archived -> Bool,
        trashed_at -> Nullable<BigInt>,
        search_text -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
        version -> Integer,
        cadence_effective -> Nullable<Integer>,
        last_interaction_at -> Nullable<BigInt>,
        next_due_at -> Nullable<BigInt>,
        birthday_md -> Nullable<Text>,
        balance -> Integer,
        closeness -> Nullable<Integer>,
        follow_up -> Nullable<Text>,
        api_json -> Nullable<Text>,
        api_json_version -> Nullable<Integer>,
        external_ids -> Text,
        met_on -> Nullable<Text>,
        merged_into -> Nullable<Text>,
        links -> Text,
        vcard_extras -> Text,
        photo_url -> Nullable<Text>,
        open_needs -> Integer,
    }
}

diesel::table! {
    contact_tags (contact_id, tag) {
        user_id -> Text,
        contact_id -> Text,
        tag -> Text,
    }
}

diesel::table! {
    contact_handles (contact_id, kind, value) {
        user_id -> Text,
        contact_id -> Text,
        kind -> Text,
        value -> Text,
    }
}

diesel::table! {
    contact_names (contact_id, kind, name) {
        user_id -> Text,
        contact_id -> Text,
        kind -> Text,
        name -> Text,
        name_key -> Text,
    }
}

diesel::table! {
    contact_photos (contact_id, size) {
        contact_id -> Text,
        size -> Integer,
        user_id -> Text,
        content_type -> Text,
        data -> Binary,
    }
}
diesel::table! {
    user_addresses (user_id, email) {
        user_id -> Text,
        email -> Text,
    }
}
diesel::table! {
    captures (id) {
        id -> Text,
        user_id -> Text,
        kind -> Text,
        created_at -> BigInt,
        undone_at -> Nullable<BigInt>,
        received -> Integer,
        logged -> Integer,
        duplicates -> Integer,
        unmatched -> Integer,
        interaction_ids -> Text,
        upcoming -> Integer,
        failed -> Integer,
    }
}
diesel::table! {
    captured_messages (user_id, source_key) {
        user_id -> Text,
        source_key -> Text,
        capture_id -> Text,
        interaction_id -> Text,
    }
}
diesel::table! {
    capture_addresses (user_id, email) {
        user_id -> Text,
        email -> Text,
        first_seen -> BigInt,
        last_seen -> BigInt,
        seen -> Integer,
        dismissed -> Bool,
        name -> Nullable<Text>,
    }
}
diesel::table! {
    capture_pending (user_id, email, source_key) {
        user_id -> Text,
        email -> Text,
        source_key -> Text,
        capture_id -> Text,
        occurred_at -> BigInt,
        kind -> Text,
        direction -> Text,
        summary -> Text,
    }
}
diesel::table! {
    capture_upcoming (user_id, source_key) {
        user_id -> Text,
        source_key -> Text,
        capture_id -> Text,
        starts_at -> BigInt,
        summary -> Text,
        contact_ids -> Text,
    }
}
diesel::table! {
    imports (id) {
        id -> Text,
        user_id -> Text,
        format -> Text,
        on_duplicate -> Text,
        created_at -> BigInt,
        undone_at -> Nullable<BigInt>,
        created -> Integer,
        updated -> Integer,
        unchanged -> Integer,
        skipped -> Integer,
        failed -> Integer,
        items -> Text,
        undo -> Text,
    }
}

diesel::table! {
    idempotency_keys (user_id, idem_key) {
        user_id -> Text,
        idem_key -> Text,
        request_hash -> Text,
        status_code -> Nullable<Integer>,
        response_headers -> Nullable<Text>,
        response_body -> Nullable<Text>,
        created_at -> BigInt,
        lease_until -> Nullable<BigInt>,
        committed_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    changes (user_id, seq) {
        user_id -> Text,
        seq -> BigInt,
        resource_type -> Text,
        resource_id -> Text,
        op -> Text,
        data -> Nullable<Text>,
        created_at -> BigInt,
        event -> Nullable<Text>,
    }
}
diesel::table! {
    needs (id) {
        id -> Text,
        user_id -> Text,
        contact_id -> Nullable<Text>,
        kind -> Text,
        topic -> Text,
        tags -> Text,
        description -> Nullable<Text>,
        until_on -> Nullable<Text>,
        status -> Text,
        met_by_type -> Nullable<Text>,
        met_by_id -> Nullable<Text>,
        search_text -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
        version -> Integer,
        match_keys -> Text,
        introduction_id -> Nullable<Text>,
        met_at -> Nullable<BigInt>,
    }
}
diesel::table! {
    need_tags (need_id, tag) {
        user_id -> Text,
        need_id -> Text,
        tag -> Text,
    }
}
diesel::table! {
    webhooks (id) {
        id -> Text,
        user_id -> Text,
        url -> Text,
        description -> Nullable<Text>,
        events -> Text,
        enabled -> Bool,
        disabled_reason -> Nullable<Text>,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_expires_at -> Nullable<BigInt>,
        cursor_seq -> BigInt,
        failing_since -> Nullable<BigInt>,
        created_at -> BigInt,
        updated_at -> BigInt,
    }
}
diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        user_id -> Text,
        webhook_id -> Text,
        event -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Nullable<BigInt>,
        last_status_code -> Nullable<Integer>,
        last_attempt_at -> Nullable<BigInt>,
        last_response -> Nullable<Text>,
        last_error -> Nullable<Text>,
        lease_until -> Nullable<BigInt>,
        created_at -> BigInt,
    }
}
diesel::table! {
    webhook_reminders (user_id, reminder_key) {
        user_id -> Text,
        reminder_key -> Text,
        sent_at -> BigInt,
    }
}

diesel::table! {
    tags (user_id, name) {
        user_id -> Text,
        name -> Text,
        default_cadence_days -> Nullable<Integer>,
    }
}

diesel::table! {
    interactions (id) {
        id -> Text,
        user_id -> Text,
        kind -> Text,
        direction -> Text,
        occurred_at -> BigInt,
        summary -> Text,
        notes -> Nullable<Text>,
        follow_up_on -> Nullable<Text>,
        counts_as_touch -> Bool,
        contact_ids -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
        version -> Integer,
        search_text -> Text,
        search_key -> Text,
    }
}

diesel::table! {
    interaction_contacts (interaction_id, contact_id) {
        user_id -> Text,
        interaction_id -> Text,
        contact_id -> Text,
        occurred_at -> BigInt,
        counts_as_touch -> Bool,
        follow_up_on -> Nullable<Text>,
    }
}

diesel::table! {
    agenda_feeds (user_id) {
        user_id -> Text,
        secret_hash -> Text,
        created_at -> BigInt,
    }
}

diesel::table! {
    ledger_entries (id) {
        id -> Text,
        user_id -> Text,
        contact_id -> Text,
        direction -> Text,
        kind -> Text,
        description -> Text,
        weight -> Integer,
        status -> Text,
        occurred_on -> Nullable<Text>,
        due_on -> Nullable<Text>,
        completed_on -> Nullable<Text>,
        interaction_id -> Nullable<Text>,
        repays_id -> Nullable<Text>,
        introduction_id -> Nullable<Text>,
        created_at -> BigInt,
        updated_at -> BigInt,
        version -> Integer,
        search_text -> Text,
        search_key -> Text,
    }
}

diesel::table! {
    suggestion_dismissals (user_id, contact_a, contact_b) {
        user_id -> Text,
        contact_a -> Text,
        contact_b -> Text,
        created_at -> BigInt,
    }
}

diesel::table! {
    ledger_balances (user_id, contact_id) {
        user_id -> Text,
        contact_id -> Text,
        given -> Integer,
        received -> Integer,
        balance -> Integer,
        open_promises -> Integer,
        open_asks -> Integer,
        last_given_on -> Nullable<Text>,
        last_received_on -> Nullable<Text>,
    }
}

diesel::table! {
    relationships (id) {
        id -> Text,
        user_id -> Text,
        contact_id -> Text,
        other_id -> Text,
        kind -> Text,
        strength -> Integer,
        note -> Nullable<Text>,
        pair_key -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
        version -> Integer,
    }
}

diesel::table! {
    introductions (id) {
        id -> Text,
        user_id -> Text,
        introducer_id -> Nullable<Text>,
        person_a_id -> Nullable<Text>,
        person_b_id -> Text,
        note -> Nullable<Text>,
        status -> Text,
        made_on -> Nullable<Text>,
        outcome -> Nullable<Text>,
        created_at -> BigInt,
        updated_at -> BigInt,
        version -> Integer,
        search_text -> Text,
        search_key -> Text,
    }
}

diesel::table! {
    access_tokens (id) {
        id -> Text,
        user_id -> Text,
        name -> Text,
        scope -> Text,
        token_hash -> Text,
        created_at -> BigInt,
        expires_at -> Nullable<BigInt>,
        last_used_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    rate_limits (bucket) {
        bucket -> Text,
        window_start -> BigInt,
        hits -> Integer,
    }
}

diesel::joinable!(webhooks -> users (user_id));
diesel::joinable!(need_tags -> needs (need_id));
diesel::joinable!(needs -> contacts (contact_id));
diesel::joinable!(ledger_entries -> contacts (contact_id));
diesel::joinable!(ledger_balances -> contacts (contact_id));
diesel::joinable!(interaction_contacts -> interactions (interaction_id));
diesel::joinable!(contact_tags -> contacts (contact_id));
diesel::joinable!(contact_handles -> contacts (contact_id));
diesel::joinable!(contact_names -> contacts (contact_id));
diesel::joinable!(interaction_contacts -> contacts (contact_id));

diesel::allow_tables_to_appear_in_same_query!(
    suggestion_dismissals,
    needs,
    need_tags,
    webhooks,
    webhook_deliveries,
    webhook_reminders,
    capture_addresses,
    capture_pending,
    capture_upcoming,
    captured_messages,
    captures,
    user_addresses,
    access_tokens,
    relationships,
    introductions,
    ledger_entries,
    ledger_balances,
    tags,
    interactions,
    interaction_contacts,
    agenda_feeds,
    users,
    refresh_tokens,
    contacts,
    contact_tags,
    contact_handles,
    contact_names,
    imports,
    idempotency_keys,
    changes,
);
