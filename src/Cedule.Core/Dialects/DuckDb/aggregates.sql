{#- DuckDB aggregates and lists (DuckDB's arrays). -#}

{% macro duckdb__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{{ return(dbt.postgres__listagg(measure, delimiter_text, order_by_clause, limit_num)) }}
{%- endmacro %}

{% macro duckdb__array_construct(inputs, data_type) -%}
{%- if inputs | length > 0 -%}[{{ inputs | join(', ') }}]{%- else -%}cast([] as {{ data_type }}[]){%- endif -%}
{%- endmacro %}

{% macro duckdb__array_append(array, new_element) -%}list_append({{ array }}, {{ new_element }}){%- endmacro %}

{% macro duckdb__array_concat(array_1, array_2) -%}list_concat({{ array_1 }}, {{ array_2 }}){%- endmacro %}
