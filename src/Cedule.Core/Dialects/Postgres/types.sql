{#- PostgreSQL: text is its unbounded string type; the other defaults are PostgreSQL names already. -#}
{% macro postgres__type_string() -%}text{%- endmacro %}
