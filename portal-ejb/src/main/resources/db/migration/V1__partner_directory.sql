-- Catalogues and the partner directory. Plain SQL that runs unchanged on H2 and PostgreSQL.

create table region (
    code     varchar(10)  primary key,
    country  varchar(2)   not null,
    label_de varchar(100) not null,
    label_en varchar(100) not null
);

create table catalog_entry (
    catalog    varchar(30)  not null,
    code       varchar(40)  not null,
    label_de   varchar(200) not null,
    label_en   varchar(200) not null,
    sort_order integer      not null default 0,
    primary key (catalog, code)
);

create table partner (
    partner_key  varchar(40)  primary key,
    name         varchar(200) not null,
    tier         varchar(10)  not null check (tier in ('GOLD', 'SILVER', 'BRONZE')),
    capacity     integer      not null check (capacity >= 0),
    absent_from  date,
    absent_until date,
    version      bigint       not null default 0,
    check ((absent_from is null and absent_until is null) or absent_until >= absent_from)
);

create table partner_region (
    partner_key varchar(40) not null references partner (partner_key),
    region_code varchar(10) not null references region (code),
    primary key (partner_key, region_code)
);
create index partner_region_by_region on partner_region (region_code);

create table partner_certification (
    partner_key   varchar(40) not null references partner (partner_key),
    certification varchar(40) not null,
    primary key (partner_key, certification)
);

create table partner_product (
    partner_key varchar(40) not null references partner (partner_key),
    product     varchar(40) not null,
    primary key (partner_key, product)
);

create table partner_size_focus (
    partner_key varchar(40) not null references partner (partner_key),
    size_class  varchar(20) not null check (size_class in ('SMALL', 'MEDIUM', 'ENTERPRISE')),
    primary key (partner_key, size_class)
);
