#!/bin/sh
echo "$2, world"
