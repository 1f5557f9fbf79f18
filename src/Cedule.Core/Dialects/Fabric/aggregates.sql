{#- T-SQL aggregates. -#}

{#- string_agg (SQL Server 2017+, Fabric) orders with WITHIN GROUP; it has neither DISTINCT nor a limit. -#}
{% macro fabric__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{%- if limit_num -%}
{{ exceptions.raise_compiler_error("listagg: limit_num is not supported on " ~ target.type) }}
{%- endif -%}
{%- if (measure | string | trim | lower).startswith('distinct ') -%}
{{ exceptions.raise_compiler_error("listagg: DISTINCT is not supported by string_agg on " ~ target.type ~ "; aggregate a distinct subquery instead") }}
{%- endif -%}
string_agg({{ measure }}, {{ delimiter_text }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
{%- endmacro %}

{% macro fabric__any_value(expression) -%}min({{ expression }}){%- endmacro %}

{#- A bit (1 when some row is true), null when every row is null, as bool_or ignores nulls. -#}
{% macro fabric__bool_or(expression) -%}
{%- if dbt.fabric__is_predicate(expression) -%}
cast(max(case when {{ expression }} then 1 when not ({{ expression }}) then 0 end) as bit)
{%- else -%}
cast(max(cast({{ expression }} as int)) as bit)
{%- endif -%}
{%- endmacro %}

{#- T-SQL has no array type. -#}
{% macro fabric__array_construct(inputs, data_type) -%}
{{ exceptions.raise_compiler_error("array_construct: " ~ target.type ~ " has no array type") }}
{%- endmacro %}
{% macro fabric__array_append(array, new_element) -%}
{{ exceptions.raise_compiler_error("array_append: " ~ target.type ~ " has no array type") }}
{%- endmacro %}
{% macro fabric__array_concat(array_1, array_2) -%}
{{ exceptions.raise_compiler_error("array_concat: " ~ target.type ~ " has no array type") }}
{%- endmacro %}
