-- One database per service (docker-compose runs this once, on an empty volume).
create database hub_registry;
create database hub_samhandling;
create database hub_nav;
create database hub_barnevern;
create database hub_skole;
create database hub_helse;
create database hub_frivillighet;
