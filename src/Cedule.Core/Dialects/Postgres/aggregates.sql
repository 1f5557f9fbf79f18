{#- PostgreSQL aggregates. -#}

{#- string_agg takes its order by inside the call; a limit slices the ordered array first. -#}
{% macro postgres__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{%- if limit_num -%}
array_to_string((array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}))[1:{{ limit_num }}], {{ delimiter_text }})
{%- else -%}
string_agg({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
{%- endif -%}
{%- endmacro %}

{#- any_value exists only from PostgreSQL 16; min is an acceptable "some value" on every version. -#}
{% macro postgres__any_value(expression) -%}min({{ expression }}){%- endmacro %}
