#!/usr/bin/env bash
# Regenerates the compiled EF Core model of every provider (src/ChangeAgentAcademy.Web/Data/CompiledModels/<Provider>),
# which the site runs on instead of building the model from every module's configurations at start-up (issue #18,
# cold start). Run it after any change to an entity or its configuration (next to adding the migrations);
# CompiledModelTests fail until it has been run. Commit the changed files it writes. (Every run gives each model a new
# modelId in *ModelBuilder.cs: with no entity change, those three one-line changes can be dropped.)
# usage: tools/ef-optimize.sh          (builds the site once, in Release, then writes the three models)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# The models are read from this build: a failed build must stop here, not leave the previous binaries to be read.
# When an entity type the old models name is gone (removed or renamed), the site does not compile with them: it is
# then built without them (NoCompiledModels: the site builds its model from the configurations, as before).
if ! log=$(dotnet build src/ChangeAgentAcademy.Web -c Release --nologo -v q 2>&1); then
  echo "ef-optimize: the site does not build with the present compiled models; building it without them" >&2
  if ! log=$(dotnet build src/ChangeAgentAcademy.Web -c Release --nologo -v q -p:NoCompiledModels=true 2>&1); then
    echo "$log" | grep -E " error " | sort -u >&2
    echo "ef-optimize: the build failed; no model written" >&2
    exit 1
  fi
fi
for p in Sqlite Postgres SqlServer; do
  out=src/ChangeAgentAcademy.Web/Data/CompiledModels/$p
  rm -rf "$out"   # a removed entity leaves no stale file behind
  dotnet ef dbcontext optimize --no-build --configuration Release \
    --project src/ChangeAgentAcademy.Web --startup-project src/ChangeAgentAcademy.Web \
    --context ${p}AppDbContext --output-dir Data/CompiledModels/$p \
    --namespace ChangeAgentAcademy.Web.Data.CompiledModels.$p 2>&1 \
    | grep -vE "^/|doesn't match the assembly|Consider changing your target project|Successfully generated" || true
  [ -f "$out/${p}AppDbContextModel.cs" ] || { echo "ef-optimize: no model written for $p" >&2; exit 1; }
  # EF finds a compiled model by this attribute only in the context's own assembly (ChangeAgentAcademy.Data); the site
  # names the model with UseModel (DatabaseServiceCollectionExtensions), so the attribute is not kept.
  rm -f "$out/${p}AppDbContextAssemblyAttributes.cs"
  echo "ef-optimize: $p model written to $out ($(ls "$out" | wc -l) files)"
done
