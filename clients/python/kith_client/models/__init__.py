"""Contains all the data models used in inputs/outputs"""

from .accepted import Accepted
from .access_token import AccessToken
from .addresses import Addresses
from .agenda import Agenda
from .agenda_item import AgendaItem
from .archive_photo import ArchivePhoto
from .auth_response import AuthResponse
from .balance import Balance
from .balance_page import BalancePage
from .batch_item_result import BatchItemResult
from .batch_report import BatchReport
from .batch_status import BatchStatus
from .capture import Capture
from .capture_failure import CaptureFailure
from .capture_messages_collapse import CaptureMessagesCollapse
from .capture_page import CapturePage
from .change_op import ChangeOp
from .change_page import ChangePage
from .contact import Contact
from .contact_balance import ContactBalance
from .contact_batch import ContactBatch
from .contact_batch_item import ContactBatchItem
from .contact_change import ContactChange
from .contact_change_type import ContactChangeType
from .contact_create import ContactCreate
from .contact_create_external_ids_type_0 import ContactCreateExternalIdsType0
from .contact_external_ids import ContactExternalIds
from .contact_page import ContactPage
from .contact_patch import ContactPatch
from .contact_patch_external_ids_type_0 import ContactPatchExternalIdsType0
from .create_import_format import CreateImportFormat
from .create_import_on_duplicate import CreateImportOnDuplicate
from .created_token import CreatedToken
from .delete_account import DeleteAccount
from .delivery import Delivery
from .delivery_page import DeliveryPage
from .delivery_status import DeliveryStatus
from .direction import Direction
from .duplicate_group import DuplicateGroup
from .duplicate_member import DuplicateMember
from .duplicate_page import DuplicatePage
from .duplicate_reason import DuplicateReason
from .edge import Edge
from .email import Email
from .export import Export
from .export_vcards_version import ExportVcardsVersion
from .favor_direction import FavorDirection
from .favor_kind import FavorKind
from .favor_status import FavorStatus
from .feed_url import FeedUrl
from .field_error import FieldError
from .format_ import Format
from .get_contact_fields_item import GetContactFieldsItem
from .get_contact_photo_size import GetContactPhotoSize
from .get_contact_vcard_version import GetContactVcardVersion
from .get_interaction_fields_item import GetInteractionFieldsItem
from .get_introduction_fields_item import GetIntroductionFieldsItem
from .get_ledger_entry_fields_item import GetLedgerEntryFieldsItem
from .get_relationship_fields_item import GetRelationshipFieldsItem
from .graph import Graph
from .health import Health
from .hit_type import HitType
from .import_ import Import
from .import_counts import ImportCounts
from .import_item import ImportItem
from .import_page import ImportPage
from .import_summary import ImportSummary
from .import_undo import ImportUndo
from .interaction import Interaction
from .interaction_change import InteractionChange
from .interaction_change_type import InteractionChangeType
from .interaction_create import InteractionCreate
from .interaction_kind import InteractionKind
from .interaction_page import InteractionPage
from .interaction_patch import InteractionPatch
from .introduction import Introduction
from .introduction_change import IntroductionChange
from .introduction_change_type import IntroductionChangeType
from .introduction_create import IntroductionCreate
from .introduction_page import IntroductionPage
from .introduction_patch import IntroductionPatch
from .introduction_status import IntroductionStatus
from .introduction_suggestion import IntroductionSuggestion
from .introduction_suggestion_dismiss import IntroductionSuggestionDismiss
from .introduction_suggestions import IntroductionSuggestions
from .item_status import ItemStatus
from .item_type import ItemType
from .ledger_entry import LedgerEntry
from .ledger_entry_change import LedgerEntryChange
from .ledger_entry_change_type import LedgerEntryChangeType
from .ledger_entry_create import LedgerEntryCreate
from .ledger_entry_patch import LedgerEntryPatch
from .ledger_page import LedgerPage
from .link import Link
from .list_balances_owing import ListBalancesOwing
from .list_contact_interactions_fields_item import ListContactInteractionsFieldsItem
from .list_contact_ledger_entries_fields_item import ListContactLedgerEntriesFieldsItem
from .list_contact_relationships_fields_item import ListContactRelationshipsFieldsItem
from .list_contacts_fields_item import ListContactsFieldsItem
from .list_contacts_sort import ListContactsSort
from .list_interactions_direction import ListInteractionsDirection
from .list_interactions_fields_item import ListInteractionsFieldsItem
from .list_interactions_kind import ListInteractionsKind
from .list_introductions_fields_item import ListIntroductionsFieldsItem
from .list_introductions_status import ListIntroductionsStatus
from .list_ledger_entries_direction import ListLedgerEntriesDirection
from .list_ledger_entries_fields_item import ListLedgerEntriesFieldsItem
from .list_ledger_entries_kind import ListLedgerEntriesKind
from .list_ledger_entries_status import ListLedgerEntriesStatus
from .list_needs_kind import ListNeedsKind
from .list_needs_status import ListNeedsStatus
from .list_webhook_deliveries_status import ListWebhookDeliveriesStatus
from .login_request import LoginRequest
from .match import Match
from .match_introduce import MatchIntroduce
from .match_person import MatchPerson
from .matches import Matches
from .merge_report import MergeReport
from .merge_request import MergeRequest
from .message_batch import MessageBatch
from .message_in import MessageIn
from .message_in_names import MessageInNames
from .met_by import MetBy
from .met_by_type import MetByType
from .month_count import MonthCount
from .moved import Moved
from .need import Need
from .need_change import NeedChange
from .need_change_type import NeedChangeType
from .need_create import NeedCreate
from .need_kind import NeedKind
from .need_page import NeedPage
from .need_patch import NeedPatch
from .need_status import NeedStatus
from .node import Node
from .not_undone import NotUndone
from .on_duplicate import OnDuplicate
from .other_contact import OtherContact
from .path_kind import PathKind
from .person import Person
from .phone import Phone
from .problem import Problem
from .profile import Profile
from .reach import Reach
from .reach_item import ReachItem
from .refresh_request import RefreshRequest
from .register_request import RegisterRequest
from .relationship import Relationship
from .relationship_change import RelationshipChange
from .relationship_change_type import RelationshipChangeType
from .relationship_create import RelationshipCreate
from .relationship_kind import RelationshipKind
from .relationship_patch import RelationshipPatch
from .relationship_view import RelationshipView
from .relationship_view_page import RelationshipViewPage
from .search_hit import SearchHit
from .search_page import SearchPage
from .stats import Stats
from .suggestion import Suggestion
from .suggestion_list import SuggestionList
from .tag import Tag
from .tag_change import TagChange
from .tag_change_type import TagChangeType
from .tag_list import TagList
from .tag_put import TagPut
from .tag_rename import TagRename
from .target import Target
from .token_create import TokenCreate
from .token_list import TokenList
from .token_scope import TokenScope
from .user import User
from .webhook import Webhook
from .webhook_create import WebhookCreate
from .webhook_create_events_item import WebhookCreateEventsItem
from .webhook_list import WebhookList
from .webhook_patch import WebhookPatch
from .webhook_patch_events_item import WebhookPatchEventsItem
from .webhook_with_secret import WebhookWithSecret

__all__ = (
    "Accepted",
    "AccessToken",
    "Addresses",
    "Agenda",
    "AgendaItem",
    "ArchivePhoto",
    "AuthResponse",
    "Balance",
    "BalancePage",
    "BatchItemResult",
    "BatchReport",
    "BatchStatus",
    "Capture",
    "CaptureFailure",
    "CaptureMessagesCollapse",
    "CapturePage",
    "ChangeOp",
    "ChangePage",
    "Contact",
    "ContactBalance",
    "ContactBatch",
    "ContactBatchItem",
    "ContactChange",
    "ContactChangeType",
    "ContactCreate",
    "ContactCreateExternalIdsType0",
    "ContactExternalIds",
    "ContactPage",
    "ContactPatch",
    "ContactPatchExternalIdsType0",
    "CreateImportFormat",
    "CreateImportOnDuplicate",
    "CreatedToken",
    "DeleteAccount",
    "Delivery",
    "DeliveryPage",
    "DeliveryStatus",
    "Direction",
    "DuplicateGroup",
    "DuplicateMember",
    "DuplicatePage",
    "DuplicateReason",
    "Edge",
    "Email",
    "Export",
    "ExportVcardsVersion",
    "FavorDirection",
    "FavorKind",
    "FavorStatus",
    "FeedUrl",
    "FieldError",
    "Format",
    "GetContactFieldsItem",
    "GetContactPhotoSize",
    "GetContactVcardVersion",
    "GetInteractionFieldsItem",
    "GetIntroductionFieldsItem",
    "GetLedgerEntryFieldsItem",
    "GetRelationshipFieldsItem",
    "Graph",
    "Health",
    "HitType",
    "Import",
    "ImportCounts",
    "ImportItem",
    "ImportPage",
    "ImportSummary",
    "ImportUndo",
    "Interaction",
    "InteractionChange",
    "InteractionChangeType",
    "InteractionCreate",
    "InteractionKind",
    "InteractionPage",
    "InteractionPatch",
    "Introduction",
    "IntroductionChange",
    "IntroductionChangeType",
    "IntroductionCreate",
    "IntroductionPage",
    "IntroductionPatch",
    "IntroductionStatus",
    "IntroductionSuggestion",
    "IntroductionSuggestionDismiss",
    "IntroductionSuggestions",
    "ItemStatus",
    "ItemType",
    "LedgerEntry",
    "LedgerEntryChange",
    "LedgerEntryChangeType",
    "LedgerEntryCreate",
    "LedgerEntryPatch",
    "LedgerPage",
    "Link",
    "ListBalancesOwing",
    "ListContactInteractionsFieldsItem",
    "ListContactLedgerEntriesFieldsItem",
    "ListContactRelationshipsFieldsItem",
    "ListContactsFieldsItem",
    "ListContactsSort",
    "ListInteractionsDirection",
    "ListInteractionsFieldsItem",
    "ListInteractionsKind",
    "ListIntroductionsFieldsItem",
    "ListIntroductionsStatus",
    "ListLedgerEntriesDirection",
    "ListLedgerEntriesFieldsItem",
    "ListLedgerEntriesKind",
    "ListLedgerEntriesStatus",
    "ListNeedsKind",
    "ListNeedsStatus",
    "ListWebhookDeliveriesStatus",
    "LoginRequest",
    "Match",
    "MatchIntroduce",
    "MatchPerson",
    "Matches",
    "MergeReport",
    "MergeRequest",
    "MessageBatch",
    "MessageIn",
    "MessageInNames",
    "MetBy",
    "MetByType",
    "MonthCount",
    "Moved",
    "Need",
    "NeedChange",
    "NeedChangeType",
    "NeedCreate",
    "NeedKind",
    "NeedPage",
    "NeedPatch",
    "NeedStatus",
    "Node",
    "NotUndone",
    "OnDuplicate",
    "OtherContact",
    "PathKind",
    "Person",
    "Phone",
    "Problem",
    "Profile",
    "Reach",
    "ReachItem",
    "RefreshRequest",
    "RegisterRequest",
    "Relationship",
    "RelationshipChange",
    "RelationshipChangeType",
    "RelationshipCreate",
    "RelationshipKind",
    "RelationshipPatch",
    "RelationshipView",
    "RelationshipViewPage",
    "SearchHit",
    "SearchPage",
    "Stats",
    "Suggestion",
    "SuggestionList",
    "Tag",
    "TagChange",
    "TagChangeType",
    "TagList",
    "TagPut",
    "TagRename",
    "Target",
    "TokenCreate",
    "TokenList",
    "TokenScope",
    "User",
    "Webhook",
    "WebhookCreate",
    "WebhookCreateEventsItem",
    "WebhookList",
    "WebhookPatch",
    "WebhookPatchEventsItem",
    "WebhookWithSecret",
)
