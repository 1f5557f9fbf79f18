{#-
  An index to speed up the dashboards' filters, as a post-hook. PostgreSQL gets a real index;
  DuckDB needs none (column store with zone maps), so its version writes nothing.
-#}
{% macro indexer(relation, colonnes) -%}
    {{ return(adapter.dispatch('indexer', 'tdb_core')(relation, colonnes)) }}
{%- endmacro %}

{% macro default__indexer(relation, colonnes) -%}
{%- endmacro %}

{% macro postgres__indexer(relation, colonnes) -%}
    create index if not exists {{ relation.identifier }}_{{ colonnes | join('_') }}_idx
    on {{ relation }} ({{ colonnes | join(', ') }})
{%- endmacro %}
