-- The test clock's offset from real time (demo profile and tests only), so that a restarted demo does not go back in
-- time: its events would otherwise be stamped before the ones it stored before the restart.
CREATE TABLE test_clock (
    id             INT    NOT NULL PRIMARY KEY,
    offset_millis  BIGINT NOT NULL
);
