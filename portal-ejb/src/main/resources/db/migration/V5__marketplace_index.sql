-- The marketplace reads the pool by region, product and size and sorts by score and age: one index
-- holds every column it filters and sorts on, so that PostgreSQL answers count and page from the
-- index alone. Plain columns, no INCLUDE, so that H2 takes the same migration.
drop index sales_lead_pool;
drop index sales_lead_by_country;
create index sales_lead_market on sales_lead
    (state, region, product, size_class, published_at, required_certification, score, id);
