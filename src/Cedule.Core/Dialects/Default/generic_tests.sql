{#-
  dbt's built-in generic tests. Each query returns the failing rows: a test passes when it
  returns none. Plain SQL that SQL Server, Fabric, PostgreSQL and DuckDB all accept.
-#}

{% macro test_unique(model, column_name) -%}
{{ return(adapter.dispatch('test_unique', 'dbt')(model, column_name)) }}
{%- endmacro %}
{% macro default__test_unique(model, column_name) -%}
select
    {{ column_name }} as unique_field,
    count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1
{%- endmacro %}

{% macro test_not_null(model, column_name) -%}
{{ return(adapter.dispatch('test_not_null', 'dbt')(model, column_name)) }}
{%- endmacro %}
{% macro default__test_not_null(model, column_name) -%}
select {{ column_name }}
from {{ model }}
where {{ column_name }} is null
{%- endmacro %}

{#- Null is not a value: a null row neither passes nor fails, as in dbt (not_null checks it). -#}
{% macro test_accepted_values(model, column_name, values, quote=true) -%}
{{ return(adapter.dispatch('test_accepted_values', 'dbt')(model, column_name, values, quote)) }}
{%- endmacro %}
{% macro default__test_accepted_values(model, column_name, values, quote) -%}
with all_values as (
    select
        {{ column_name }} as value_field,
        count(*) as n_records
    from {{ model }}
    group by {{ column_name }}
)
select *
from all_values
where value_field not in (
    {%- for value in values -%}
    {%- if quote %}{{ dbt.string_literal(value) }}{% else %}{{ value }}{% endif -%}
    {%- if not loop.last %}, {% endif -%}
    {%- endfor -%}
)
{%- endmacro %}

{#- Every non-null value of column_name must exist in `to`.`field`. -#}
{% macro test_relationships(model, column_name, to, field) -%}
{{ return(adapter.dispatch('test_relationships', 'dbt')(model, column_name, to, field)) }}
{%- endmacro %}
{% macro default__test_relationships(model, column_name, to, field) -%}
with child as (
    select {{ column_name }} as from_field
    from {{ model }}
    where {{ column_name }} is not null
),
parent as (
    select {{ field }} as to_field
    from {{ to }}
)
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
{%- endmacro %}
