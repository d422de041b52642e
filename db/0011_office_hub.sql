-- 0011: the office hub (docs/office-hub.md §6): other counters' dossiers in the same table,
-- who may write each dossier, and the `office` block each event carries to the hub.

-- The counter that may write the dossier now (`station_no` stays the station in its code).
ALTER TABLE dossiers ADD COLUMN writer_station INTEGER;
UPDATE dossiers SET writer_station = station_no;
-- Set while this counter hands the dossier over to that counter (§7.2).
ALTER TABLE dossiers ADD COLUMN handover_to INTEGER;
CREATE INDEX dossiers_station_received ON dossiers(station_no, received_at);

-- The counter's whole row and history at that version, for the other counters (office mode
-- only; NULL for a counter without a hub, which never sends it).
ALTER TABLE outbox ADD COLUMN office TEXT;
