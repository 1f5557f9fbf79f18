{#-
  Where a node is built: dbt's documented defaults. The parser computes the same values natively
  unless the project overrides these; they exist so that an override can still call the
  default__ implementation (the usual pattern for custom schemas).
-#}

{% macro generate_schema_name(custom_schema_name=none, node=none) -%}
{{ return(adapter.dispatch('generate_schema_name', 'dbt')(custom_schema_name, node)) }}
{%- endmacro %}
{#- A custom schema is appended to the target's, so developers never write into each other's schemas. -#}
{% macro default__generate_schema_name(custom_schema_name, node) -%}
{%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ target.schema }}_{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}

{% macro generate_alias_name(custom_alias_name=none, node=none) -%}
{{ return(adapter.dispatch('generate_alias_name', 'dbt')(custom_alias_name, node)) }}
{%- endmacro %}
{% macro default__generate_alias_name(custom_alias_name, node) -%}
{%- if custom_alias_name -%}{{ custom_alias_name | trim }}
{%- elif node.version -%}{{ node.name ~ '_v' ~ (node.version | string) }}
{%- else -%}{{ node.name }}
{%- endif -%}
{%- endmacro %}

{% macro generate_database_name(custom_database_name=none, node=none) -%}
{{ return(adapter.dispatch('generate_database_name', 'dbt')(custom_database_name, node)) }}
{%- endmacro %}
{% macro default__generate_database_name(custom_database_name, node) -%}
{%- if custom_database_name is none -%}{{ target.database }}{%- else -%}{{ custom_database_name | trim }}{%- endif -%}
{%- endmacro %}

{#- A generic test reads its model through this, so that a test's `where` config filters the rows it checks. -#}
{% macro get_where_subquery(relation) -%}
{{ return(adapter.dispatch('get_where_subquery', 'dbt')(relation)) }}
{%- endmacro %}
{% macro default__get_where_subquery(relation) -%}
{%- set where = config.get('where') -%}
{%- if where -%}
{{ return("(select * from " ~ relation ~ " where " ~ where ~ ") dbt_subquery") }}
{%- else -%}
{{ return(relation) }}
{%- endif -%}
{%- endmacro %}
