#!/usr/bin/env bash
# Adds a migration named $1 to both providers' migration sets (SQLite and PostgreSQL), then checks
# that neither model has changes left without a migration. Run from anywhere; no database needed.
set -euo pipefail
name=${1:?usage: add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet tool run dotnet-ef migrations add "$name" --project Dashboard.Core \
  --context DashboardDbContext --output-dir Persistence/Migrations
dotnet tool run dotnet-ef migrations add "$name" --project Dashboard.Core \
  --context PostgresDashboardDbContext --output-dir Persistence/Postgres/Migrations \
  --namespace Dashboard.Core.Persistence.Postgres.Migrations
for context in DashboardDbContext PostgresDashboardDbContext; do
  dotnet tool run dotnet-ef migrations has-pending-model-changes --project Dashboard.Core --context "$context" --no-build
done
echo "Review both migrations: SQL written by hand (triggers, raw statements) needs each engine's own."
