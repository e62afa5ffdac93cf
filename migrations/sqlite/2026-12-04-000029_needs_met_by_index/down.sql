DROP INDEX needs_met_by;
