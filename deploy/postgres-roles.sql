-- Rapport on PostgreSQL: the application runs as a role that does not own the tables.
--
-- Run as the owner role (the one that runs `manage.py migrate`), after every migrate,
-- in the Rapport database:  psql "$OWNER_DATABASE_URL" -f deploy/postgres-roles.sql
-- Create the login role once beforehand, as a superuser:
--   CREATE ROLE rapport_app LOGIN PASSWORD '…' NOSUPERUSER NOCREATEDB NOCREATEROLE;
--
-- The app role may read and write the records it keeps, but on the audit trail it may
-- only add and read: it cannot change, delete or TRUNCATE audit events or their seals, and
-- since it owns neither table it cannot switch their triggers off. Only a superuser can
-- set session_replication_role, and rapport_app is not one.

GRANT USAGE ON SCHEMA public TO rapport_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO rapport_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO rapport_app;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_auditevent, audit_auditseal FROM rapport_app;
GRANT SELECT, INSERT ON audit_auditevent, audit_auditseal TO rapport_app;
