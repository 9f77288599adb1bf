-- Each user's own choices at the desk: the screen the desk opens on at
-- sign-in ('' the first of their tabs), which a supervisor sets from
-- the dashboard (销售看板). Audited like every other table.
CREATE TABLE user_preferences (
  user_id      INTEGER PRIMARY KEY REFERENCES users(id),
  start_screen TEXT NOT NULL DEFAULT '' CHECK (length(start_screen) <= 40),
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id)
);
