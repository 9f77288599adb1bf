-- Every start looks for visits in the customer file's old log not yet
-- made visits (workflow's MoveVisitLog): nearly all have been, and
-- reading the whole log with its notes to find none cost a start of a
-- large desk more than its first page. The log's visits by id and
-- writer alone answer the search; the few rows found are read in full.
CREATE INDEX customer_visits_to_move ON customer_visits(id, updated_by)
  WHERE kind = 'visit' AND length(visited_on) = 10;
