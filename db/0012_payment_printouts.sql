-- 0012: input limits and printouts (issues 9 and 10).

-- How the fee is paid, as the counter recorded it: JSON {"method": "cash" | "bank_transfer" |
-- "online" | "exempt" | "none", "exempt_reason": text or null}. NULL for dossiers stamped
-- before it was recorded: their frozen receipt keeps what it printed then.
ALTER TABLE dossiers ADD COLUMN payment TEXT;
-- Cơ quan chủ trì giải quyết: the procedure's lead unit when the dossier was stamped (the
-- catalogue's lead_unit, else the receiving unit). NULL before it was kept: the log then
-- prints the unit's name.
ALTER TABLE dossiers ADD COLUMN lead_unit TEXT;

-- Invisible characters (zero-width space, joiners, word joiner, soft hyphen, byte-order mark)
-- no longer split a name in the search index: take them out of the folded search text that
-- was written before (the triggers of 0002 re-index each changed row).
UPDATE dossiers SET search_text = replace(replace(replace(replace(replace(replace(
    search_text, char(8203), ''), char(8204), ''), char(8205), ''), char(8288), ''),
    char(173), ''), char(65279), '')
WHERE search_text GLOB ('*[' || char(8203) || char(8204) || char(8205) || char(8288)
                        || char(173) || char(65279) || ']*');
