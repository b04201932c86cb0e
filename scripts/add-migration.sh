#!/usr/bin/env bash
# Adds a migration for both database engines at once, so SQLite's and PostgreSQL's schemas stay in step.
# Usage: scripts/add-migration.sh AddSomething
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" -p src/FieldSurvey.Web --context SqliteFieldSurveyDbContext -o Data/Migrations/Sqlite
dotnet ef migrations add "$name" -p src/FieldSurvey.Web --context PostgresFieldSurveyDbContext -o Data/Migrations/Postgres
rm -f src/FieldSurvey.Web/design.db*
