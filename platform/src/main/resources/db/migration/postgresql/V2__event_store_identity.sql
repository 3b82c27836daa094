-- Which event store this is: a random id written once, when the store is created. Read models and tracking tokens
-- keep it beside them, so a service pointed at another store refuses to serve what was built from this one.
CREATE TABLE event_store_identity (
    id       INT         NOT NULL PRIMARY KEY CHECK (id = 1),
    identity VARCHAR(36) NOT NULL
);

INSERT INTO event_store_identity (id, identity) VALUES (1, gen_random_uuid()::text);
