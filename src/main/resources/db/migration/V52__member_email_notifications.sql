-- Where and in which language a member is e-mailed: the address from their sign-in token's email claim and the
-- portal language they last used (en, de); both recorded when they use the portal.
alter table household_member add column email varchar(320);
alter table household_member add column language varchar(8);

-- E-mails to members, one row per message to send (an alert's immediate mail, a day's digest): added by the
-- notification job, sent outside the transaction, marked sent afterwards; unsent rows are tried again.
create table notification_mail (
    id          uuid primary key,
    member_id   uuid         not null references household_member (id) on delete cascade,
    kind        varchar(16)  not null,
    subject_key varchar(64)  not null,
    created_at  timestamp with time zone not null,
    attempts    integer      not null default 0,
    sent_at     timestamp with time zone,
    last_error  varchar(500),
    constraint notification_mail_once unique (member_id, kind, subject_key)
);
create index notification_mail_unsent on notification_mail (sent_at, created_at);
