-- The books agree with what happened.

-- An invoice number is one the tax system gives, kept in one form so the
-- UNIQUE on invoice_issues.invoice_no holds across ways of typing it:
-- a fully digital invoice's (全电发票) 20 digits, or a paper special
-- invoice's 10- or 12-digit code and 8-digit number as "CODE-NUMBER".
-- Numbers issued before this check are kept as they were.
CREATE TRIGGER invoice_issues_number_form BEFORE INSERT ON invoice_issues
WHEN NOT (typeof(NEW.invoice_no) = 'text' AND (
       (length(NEW.invoice_no) = 20 AND NEW.invoice_no NOT GLOB '*[^0-9]*')
    OR (length(NEW.invoice_no) IN (19, 21) AND substr(NEW.invoice_no, -9, 1) = '-'
        AND replace(NEW.invoice_no, '-', '') NOT GLOB '*[^0-9]*'
        AND length(replace(NEW.invoice_no, '-', '')) = length(NEW.invoice_no) - 1)))
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:invoice_no_form');
END;

