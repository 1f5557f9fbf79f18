{#- DuckDB: float is single precision there, so the 8-byte type is double. -#}
{% macro duckdb__type_float() -%}double{%- endmacro %}

{#- try_cast yields null where the value does not convert, which is what safe_cast promises. -#}
{% macro duckdb__safe_cast(field, type) -%}try_cast({{ field }} as {{ type }}){%- endmacro %}
