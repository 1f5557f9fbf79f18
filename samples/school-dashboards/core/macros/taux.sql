{#- A rate rounded to `decimales` places; zero when the denominator is zero. -#}
{% macro taux(numerateur, denominateur, decimales=4) -%}
    round(cast({{ numerateur }} as {{ dbt.type_numeric() }}) / nullif({{ denominateur }}, 0), {{ decimales }})
{%- endmacro %}
